package app.village.understanding.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.village.understanding.Person;

/**
 * Decides whose experience a phrase describes by the nearest subject before it in its sentence:
 * "I", "my husband", "he" (the partner when the text mentions one), "the baby", "my sister".
 * Reported speech ("he says the baby is ruining our lives") belongs to the speaker.
 */
final class PersonReader {

    private static final String PARTNER_NOUN = "husband|hubby|dh|wife|dw|partner|boyfriend|girlfriend|fianc[eé]e?|other half|oh|bf|gf|baby'?s (?:dad|father|mum|mom|mother)|his dad|her dad|his father|her father|his mum|her mum|his mom|her mom|the dad|the father|daddy|my ex|ex";
    static final Pattern MENTIONS_PARTNER = Pattern.compile("\\b(?:" + PARTNER_NOUN + ")\\b");
    private static final Pattern REPORTED = Pattern.compile(
            "\\b(?:he|she|" + PARTNER_NOUN + ")\\b[^.!?]{0,25}?\\b(?:says|said|tells me|told me|keeps saying|kept saying|admitted|admits|confessed|shouts|shouted|yells|yelled|texted|mentioned|claims|claimed|screamed|thinks|thought|feels|felt|believes|told)\\b");
    private static final Pattern SUBJECT = Pattern.compile(
            "\\b(?:(i|i'm|im|i've|ive|i'd|id|i'll|me|my|myself|mine)|(" + PARTNER_NOUN + ")|(he|he's|hes|she|she's|shes|him|his|her)"
                    + "|(baby|the baby|my baby|our baby|son|daughter|newborn|lo|little one|toddler|ds|dd|bub|bubs|twins|kid|child)"
                    + "|(my (?:mum|mom|mother|dad|father|sister|brother|friend|best friend|cousin|aunt|mil|mother[- ]in[- ]law|sil)|friend|sister|brother|grandma|grandad|nan|granny|mil))\\b");

    private PersonReader() {
    }

    /**
     * @param sentence the normalised sentence
     * @param at where the phrase starts
     * @param partnerInText whether the text mentions a partner anywhere
     */
    /** Like {@link #read} but passes over mentions of the child, to find who acts or speaks. */
    static Person readSkippingChild(String sentence, int at, boolean partnerInText) {
        Matcher m = SUBJECT.matcher(sentence);
        Person last = null;
        while (m.find() && m.start() < at) {
            if (m.group(1) != null) {
                last = Person.WRITER;
            } else if (m.group(2) != null || (m.group(3) != null && partnerInText)) {
                last = Person.PARTNER;
            } else if (m.group(5) != null) {
                last = Person.OTHER;
            }
        }
        return last == null ? Person.WRITER : last;
    }

    static Person read(String sentence, int at, boolean partnerInText) {
        Matcher reported = REPORTED.matcher(sentence);
        while (reported.find()) {
            if (reported.end() <= at) {
                String who = reported.group();
                boolean pronoun = who.startsWith("he ") || who.startsWith("she ");
                if (!pronoun || partnerInText) {
                    return Person.PARTNER;
                }
            }
        }
        Matcher m = SUBJECT.matcher(sentence);
        Person last = null;
        int limit = Math.min(sentence.length(), at + 4);
        while (m.find() && m.start() < limit) {
            if (m.group(1) != null) {
                last = Person.WRITER;
            } else if (m.group(2) != null) {
                last = Person.PARTNER;
            } else if (m.group(3) != null) {
                last = partnerInText ? Person.PARTNER : Person.CHILD;
            } else if (m.group(4) != null) {
                last = Person.CHILD;
            } else {
                last = Person.OTHER;
            }
        }
        return last == null ? Person.WRITER : last;
    }
}
