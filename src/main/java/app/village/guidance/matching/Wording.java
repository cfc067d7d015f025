package app.village.guidance.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.village.guidance.Concern;
import app.village.guidance.Situation;
import app.village.understanding.Person;
import app.village.understanding.Theme;

/**
 * The reason for a suggestion in plain words, built from the concerns that matched, in the
 * parent's own terms where the text gives them ("your husband", "your toddler"). Never a diagnosis:
 * it names what the parent wrote about, not what they have.
 */
final class Wording {

    private static final Pattern PARTNER_WORD = Pattern.compile(
            "\\b(husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|spouse)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOLDING = Pattern.compile("\\b(hold|holds|holding|held|picks? (him|her|them) up|arms)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Map<Theme, String> WRITER = new EnumMap<>(Map.ofEntries(
            Map.entry(Theme.BONDING_DIFFICULTY, "not feeling the closeness you hoped for with {child}"),
            Map.entry(Theme.PERINATAL_DEPRESSION, "feeling low or empty"),
            Map.entry(Theme.ANXIETY, "worry that does not let up"),
            Map.entry(Theme.INTRUSIVE_THOUGHTS, "frightening thoughts that arrive uninvited"),
            Map.entry(Theme.SEPARATION_DISTRESS, "how hard goodbyes are"),
            Map.entry(Theme.PARENTAL_GUILT, "feeling guilty as a parent"),
            Map.entry(Theme.INFANT_CRYING, "{child} crying so much"),
            Map.entry(Theme.RELATIONSHIP_STRAIN, "strain between you and your {partner}"),
            Map.entry(Theme.REGRET_OR_REJECTION, "sometimes wishing things were different"),
            Map.entry(Theme.ANGER_IRRITABILITY, "anger and losing patience"),
            Map.entry(Theme.ISOLATION, "feeling alone with this"),
            Map.entry(Theme.WORK_PRESSURE, "juggling work and {child}"),
            Map.entry(Theme.SLEEP_DEPRIVATION, "how exhausted you are"),
            Map.entry(Theme.FEEDING, "feeding"),
            Map.entry(Theme.BIRTH_TRAUMA, "a hard birth"),
            Map.entry(Theme.MEDICATION, "your medication"),
            Map.entry(Theme.SELF_HARM, "thoughts of harming yourself"),
            Map.entry(Theme.HARM_TO_CHILD, "being afraid of harming {child}"),
            Map.entry(Theme.PSYCHOSIS_SIGNS, "experiences that need a doctor soon")));

    /** What the partner is living with, said after "your husband" (or wife, partner...). */
    private static final Map<Theme, String> PARTNER = new EnumMap<>(Map.ofEntries(
            Map.entry(Theme.BONDING_DIFFICULTY, "finding it hard to bond with {child}"),
            Map.entry(Theme.PERINATAL_DEPRESSION, "feeling low"),
            Map.entry(Theme.ANXIETY, "worrying all the time"),
            Map.entry(Theme.INTRUSIVE_THOUGHTS, "having frightening thoughts"),
            Map.entry(Theme.SEPARATION_DISTRESS, "finding goodbyes hard"),
            Map.entry(Theme.PARENTAL_GUILT, "feeling guilty"),
            Map.entry(Theme.RELATIONSHIP_STRAIN, "and the strain between you"),
            Map.entry(Theme.REGRET_OR_REJECTION, "saying hard things about {child}"),
            Map.entry(Theme.ANGER_IRRITABILITY, "being angry"),
            Map.entry(Theme.ISOLATION, "feeling alone"),
            Map.entry(Theme.WORK_PRESSURE, "working long hours"),
            Map.entry(Theme.SLEEP_DEPRIVATION, "being exhausted"),
            Map.entry(Theme.MEDICATION, "taking medication"),
            Map.entry(Theme.BIRTH_TRAUMA, "going through a hard birth"),
            Map.entry(Theme.FEEDING, "and feeding"),
            Map.entry(Theme.SELF_HARM, "having thoughts of self-harm"),
            Map.entry(Theme.HARM_TO_CHILD, "and your fear for {child}'s safety"),
            Map.entry(Theme.PSYCHOSIS_SIGNS, "needing a doctor soon")));

    private static final Map<Theme, String> CHILD = new EnumMap<>(Map.ofEntries(
            Map.entry(Theme.INFANT_CRYING, "{child} crying so much"),
            Map.entry(Theme.SEPARATION_DISTRESS, "{child} being upset at goodbyes"),
            Map.entry(Theme.SLEEP_DEPRIVATION, "{child}'s sleep"),
            Map.entry(Theme.FEEDING, "feeding {child}"),
            Map.entry(Theme.BONDING_DIFFICULTY, "{child} settling with one of you and not the other")));

    private final Situation situation;
    private final String partnerWord;
    private final String partnerPossessive;
    private final String child;
    private boolean childNamed;

    Wording(Situation situation) {
        this.situation = situation;
        this.partnerWord = partnerWord(situation.concerns());
        this.partnerPossessive = switch (partnerWord) {
            case "husband", "boyfriend", "fiance", "fiancé" -> "his";
            case "wife", "girlfriend", "fiancee", "fiancée" -> "her";
            default -> "their";
        };
        Integer age = situation.childAgeMonths();
        this.child = age == null ? "your baby" : age < 12 ? "your baby" : age < 48 ? "your toddler" : "your child";
    }

    /** "Because you wrote about A and B." for the concerns, most important first (at most two are named). */
    String because(List<Concern> concerns) {
        List<Concern> named = concerns.stream().limit(2).toList();
        StringBuilder about = new StringBuilder();
        boolean partnerNamed = false;
        childNamed = false;
        for (int i = 0; i < named.size(); i++) {
            Concern concern = named.get(i);
            String phrase = phrase(concern, partnerNamed);
            if (i > 0) {
                about.append(" and ");
            }
            if (concern.person() == Person.PARTNER && PARTNER.containsKey(concern.theme()) && !isCryingInArms(concern)) {
                // "your husband saying hard things about your baby and finding it hard to bond with the baby"
                about.append(partnerNamed ? "" : "your " + partnerWord + " ");
                phrase = phrase.startsWith("and ") ? phrase.substring(4) : phrase;
                partnerNamed = true;
            }
            partnerNamed |= phrase.contains("your " + partnerWord);
            about.append(phrase);
        }
        return switch (situation.origin()) {
            case POST -> "Because you wrote about " + about + ".";
            case SCREENING -> "Because your answers touched on " + about + ".";
            case QUESTION -> "Because you asked about " + about + ".";
        };
    }

    /** The reason the guide on urgent help comes first. */
    String urgent() {
        List<Concern> urgentConcerns = situation.concerns().stream().filter(c -> Matching.URGENT_THEMES.contains(c.theme())).toList();
        List<Concern> basis = urgentConcerns.isEmpty() ? situation.concerns() : urgentConcerns;
        long partner = basis.stream().filter(c -> c.person() == Person.PARTNER).count();
        boolean aboutPartner = !basis.isEmpty() && partner * 2 > basis.size();
        return switch (situation.origin()) {
            case POST -> aboutPartner
                    ? "Because some of what you wrote about your " + partnerWord + " worries us, here is how to get help quickly."
                    : "Because some of what you wrote worries us, here is how to get help quickly.";
            case SCREENING -> "Because some of your answers need a professional's attention soon, here is how to get help quickly.";
            case QUESTION -> "Because this may need help quickly, here is how to get it.";
        };
    }

    private boolean isCryingInArms(Concern concern) {
        return concern.theme() == Theme.INFANT_CRYING && concern.evidence().stream()
                .anyMatch(e -> PARTNER_WORD.matcher(e).find() && HOLDING.matcher(e).find());
    }

    private String phrase(Concern concern, boolean partnerAlreadyNamed) {
        if (isCryingInArms(concern)) {
            return child() + " crying in " + (partnerAlreadyNamed ? partnerPossessive : "your " + partnerWord + "'s") + " arms";
        }
        String template = switch (concern.person()) {
            case WRITER -> WRITER.get(concern.theme());
            case PARTNER -> PARTNER.get(concern.theme());
            case CHILD -> CHILD.get(concern.theme());
            case OTHER -> null;
        };
        if (template == null) {
            template = concern.person() == Person.PARTNER ? "your {partner} and " + concern.theme().plainWords()
                    : WRITER.getOrDefault(concern.theme(), concern.theme().plainWords());
        }
        String phrase = template.replace("{partner}", partnerWord);
        return phrase.contains("{child}") ? phrase.replace("{child}", child()) : phrase;
    }

    /** "your baby" (or toddler) the first time, "the baby" (or "your little one") after, so a reason does not repeat itself. */
    private String child() {
        String words = !childNamed ? child : child.equals("your baby") ? "the baby" : "your little one";
        childNamed = true;
        return words;
    }

    private static String partnerWord(List<Concern> concerns) {
        for (Concern c : concerns) {
            for (String sentence : c.evidence()) {
                Matcher m = PARTNER_WORD.matcher(sentence);
                if (m.find()) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return "partner";
    }
}
