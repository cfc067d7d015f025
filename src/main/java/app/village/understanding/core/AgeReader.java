package app.village.understanding.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.village.understanding.Evidence;

/**
 * Finds the child's age in months in the words parents use: "my 5 month old", "she's 18mo",
 * "a year and a half", "since he turned one", "10 weeks", "our newborn", "nearly 3", "3 months pp".
 * A pregnancy ("30 weeks pregnant"), the writer's own age ("I'm 32") and spans of time ("back at
 * work 3 weeks", "for 3 hours") are not a child's age. The first age found in the text wins.
 */
final class AgeReader {

    record Age(int months, Evidence evidence) {
    }

    /**
     * One way of writing an age, and how to turn the match into months (or -1 to skip it).
     * {@code number} forms are a number with a unit, which is often a span of time instead ("for 3 weeks").
     */
    private record Form(Pattern pattern, ToIntFunction<Matcher> months, boolean number) {
        Form(Pattern pattern, ToIntFunction<Matcher> months) {
            this(pattern, months, false);
        }
    }

    private static final String WORD_NUM = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]?(?:one|two|three|four)";
    private static final String NUM = "(\\d{1,2}(?:\\.5)?|" + WORD_NUM + ")";
    private static final String YEARS = "(?:years?|yrs?|yo|y/o|y\\.o\\.|year-old|yr-old)";
    private static final String MONTHS = "(?:months?|mths?|mnths?|mos?|mo|m|month-old)";
    private static final String WEEKS = "(?:weeks?|wks?|wk|w|wo|week-old)";
    private static final String DAYS = "(?:days?|d|day-old)";
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20));

    /** Words after a number that make it something other than a child's age. */
    private static final Pattern NOT_AN_AGE_AFTER = Pattern.compile(
            "^\\s*(?:pregnant|preg|along|gestation|ttc|in\\b|into|later|a (?:week|day|month|night|year)\\b|per\\b|of \\w+ing\\b|check|checkup|check-up|appointment|scan|jabs|vaccin|review|visit|growth spurt|regression|sleep regression|leap|stage|phase|mark|milestone|limit|old (?:mum|mom|mother|dad|father|woman|man|me)|of (?:sleep|maternity|leave|crying|screaming|this|that|it|hell|pumping|breastfeeding|feeding|trying|therapy|treatment|work)|leave|sleep|straight|apart|off\\b|on\\b|in a row|clean|sober|since|until|till|before|early|late|corrected|behind|ahead|overdue)");
    private static final Pattern NOT_AN_AGE_BEFORE = Pattern.compile(
            "(?:\\b(?:at|for|in|every|after|about|over|past|last|few|next|of|within|than|by|until|till|around|nearly|almost|only|just|x|another|than|work|back|been|spent|took|takes|take|lasted|lasts)\\s+|\\b(?:day|week|month|year)s?\\s+)$");
    private static final Pattern BIRTH_BEFORE = Pattern.compile("\\b(?:born|birth|gave birth|had (?:him|her|them|our|my|the|a|baby)|arrived|delivered|section|c-?section|csection|came along|was born|welcomed)\\b");
    private static final Pattern PREGNANCY_TEXT = Pattern.compile("\\b(?:bump|pregnan\\w*|due|expecting|trimester|number two|no\\.? ?2|on the way|weeks along)\\b");
    private static final Pattern PP_AFTER = Pattern.compile("^\\s*(?:pp\\b|postpartum|post[- ]partum|postnatal|post[- ]natal|post[- ]birth)");
    private static final Pattern CHILD_CONTEXT = Pattern.compile("\\b(?:old|baby|babe|son|daughter|boy|girl|lo|little one|toddler|ds|dd|he|she|they|him|her|twins?|kid|child|bub|newborn|turned|turns|since|mine|ours|my|our|pp|postpartum)\\b");

    private static final List<Form> FORMS = List.of(
            // "a year and a half", "one and a half years", "2 and a half year old", "3.5 years"
            new Form(Pattern.compile("\\b(?:a|one)[- ]year[- ]and[- ]a[- ]half\\b|\\bone and a half(?: years?)?\\b"), m -> 18),
            new Form(Pattern.compile("\\b" + NUM + "[- ](?:and[- ]a[- ]half|and[- ]half)[- ]" + YEARS + "\\b"), m -> whole(m.group(1)) * 12 + 6),
            new Form(Pattern.compile("\\b" + NUM + "[- ](?:years?|yrs?)[- ]and[- ]a[- ]half\\b"), m -> whole(m.group(1)) * 12 + 6),
            new Form(Pattern.compile("\\b" + NUM + "[- ](?:and[- ]a[- ]half|and[- ]half)[- ]" + MONTHS + "\\b"), m -> whole(m.group(1)), true),
            new Form(Pattern.compile("\\ba (?:year|yr)[- ]old\\b"), m -> 12),
            new Form(Pattern.compile("\\ba (?:month|mth)[- ]old\\b"), m -> 1),
            // "5 month old", "18mo", "10 weeks", "2 years old", "3.5 years", "5wo"
            new Form(Pattern.compile("\\b(\\d{1,2}(?:\\.5)?)\\s?-?\\s?(" + YEARS + "|" + MONTHS + "|" + WEEKS + "|" + DAYS + ")\\b(?:[- ]?old)?"), AgeReader::unitMonths, true),
            new Form(Pattern.compile("\\b(" + WORD_NUM + ")[- ](" + YEARS + "|" + MONTHS + "|" + WEEKS + "|" + DAYS + ")\\b(?:[- ]?old)?"), AgeReader::unitMonths, true),
            // "since he turned one", "turned 1 on saturday", "nearly 3", "almost 2", "she turns one next week"
            new Form(Pattern.compile("\\b(?:just turned|since (?:he|she|they) turned|since turning|turned)\\s" + NUM + "\\b"), m -> years(m.group(1), 0)),
            new Form(Pattern.compile("\\b(?:turns|is turning|turning|will be|about to turn)\\s" + NUM + "\\b"), m -> years(m.group(1), -1)),
            new Form(Pattern.compile("\\b(?:is nearly|is almost|nearly|almost)\\s" + NUM + "\\b(?!\\s?(?:-|\\s)?\\s?(?:years?|months?|weeks?|days?|yrs?|mos?|mths?|am|pm|hours|hrs|minutes|mins|times|kids|children|babies|o'?clock|%))"), m -> years(m.group(1), 0)),
            // "he's 3", "she is 2 and a bit", "my son, 4,"
            new Form(Pattern.compile("\\b(?:he|she|they|lo|ds|dd|dd\\d|ds\\d|son|daughter|baby|toddler|mine|ours|it)(?:'s| is| was| will be)\\s" + NUM + "\\b(?!\\s?(?:-|\\s)?\\s?(?:years?|months?|weeks?|days?|yrs?|mos?|mths?|am|pm|hours|hrs|minutes|mins|times|kg|lb|lbs|oz|ml|%|o'?clock|\\.\\d))"), m -> years(m.group(1), 0)),
            new Form(Pattern.compile("\\b(?:newborn|new born|new-born|neonate|born (?:this morning|today|yesterday|last night|this week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))\\b"), m -> 0),
            new Form(Pattern.compile("\\bday (\\d{1,2})\\b(?= (?:of|with|and|postpartum|pp|home|since))"), m -> 0));

    private AgeReader() {
    }

    static Optional<Age> read(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            if (s.quoted()) {
                continue;
            }
            for (Form form : FORMS) {
                Matcher m = form.pattern().matcher(s.normalised());
                while (m.find()) {
                    if (!plausible(s.normalised(), m, form.number())) {
                        continue;
                    }
                    int months = form.months().applyAsInt(m);
                    if (months >= 0 && months <= 216) {
                        String phrase = s.original().substring(m.start(), m.end());
                        return Optional.of(new Age(months, new Evidence(phrase, s.start() + m.start(), s.start() + m.end(), s.field())));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean plausible(String text, Matcher m, boolean number) {
        String phrase = m.group();
        if (phrase.startsWith("newborn") || phrase.startsWith("new born") || phrase.startsWith("new-born")) {
            return !text.substring(m.end()).matches("^\\s*(?:stage|phase|days|period|weeks|months|bubble|fog|cuddles|clothes|size|nappies).*");
        }
        if (!number) {
            return true;
        }
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        String after = text.substring(m.end());
        boolean explicitOld = phrase.endsWith("old") || phrase.endsWith("yo") || phrase.endsWith("wo");
        if (PP_AFTER.matcher(after).find()) {
            return true;
        }
        if (after.matches("^\\s*(?:in|on)\\s*(?:[.,!?;]|and\\b|now\\b|$).*")
                || before.matches(".*\\b(?:dad|daddy|mum|mom|mummy|parent|mother|father|parents) for\\s+$")) {
            return true;
        }
        if (m.groupCount() >= 2 && m.group(2) != null && m.group(2).startsWith("w") && number(m.group(1)) > 20
                && PREGNANCY_TEXT.matcher(text).find()) {
            return false;
        }
        if (after.matches("^\\s*ago\\b.*")) {
            return BIRTH_BEFORE.matcher(text.substring(Math.max(0, m.start() - 60), m.start())).find();
        }
        if (!explicitOld && (NOT_AN_AGE_AFTER.matcher(after).find() || NOT_AN_AGE_BEFORE.matcher(before).find())) {
            return false;
        }
        if (before.matches(".*\\b(?:i'?m|im|i am|i was|we'?re|we are|aged|age|my (?:husband|wife|partner|dh|dw|mum|mom|dad) is)\\s+$")) {
            return false;
        }
        boolean years = m.groupCount() >= 2 && m.group(2) != null && m.group(2).startsWith("y");
        if (explicitOld || !years) {
            return true;
        }
        String window = text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 25));
        return CHILD_CONTEXT.matcher(window).find();
    }

    private static int unitMonths(Matcher m) {
        double n = number(m.group(1));
        String unit = m.group(2);
        if (unit.startsWith("y")) {
            return (int) Math.round(n * 12);
        }
        if (unit.startsWith("m")) {
            return (int) Math.floor(n);
        }
        if (unit.startsWith("w")) {
            return (int) Math.floor(n * 7 / 30.44);
        }
        return n > 45 ? -1 : 0;
    }

    private static int years(String word, int adjust) {
        double n = number(word);
        if (n < 1 || n > 6) {
            return -1;
        }
        return (int) Math.round(n * 12) + adjust;
    }

    private static int whole(String word) {
        return (int) number(word);
    }

    static double number(String word) {
        String w = word.strip().replace(' ', '-');
        if (w.matches("\\d{1,2}(?:\\.5)?")) {
            return Double.parseDouble(w);
        }
        if (w.startsWith("twenty")) {
            String rest = w.substring(6).replace("-", "");
            return 20 + (rest.isEmpty() ? 0 : WORDS.getOrDefault(rest, 0));
        }
        return WORDS.getOrDefault(w, -1);
    }
}
