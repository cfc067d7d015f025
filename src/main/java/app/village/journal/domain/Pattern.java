package app.village.journal.domain;

/**
 * A pattern found in a member's own check-ins, in plain words, with the numbers behind it.
 *
 * @param code             {@code medication}, {@code sleep-mood}, {@code sleep-closeness}, {@code trend-mood} or {@code trend-closeness}
 * @param text             what was seen, in plain words
 * @param numbers          the figures: averages, days counted, the statistical test
 * @param advice           what may help, for example talking to whoever prescribes the medication; may be null
 */
public record Pattern(String code, String text, String numbers, String advice) {

    public static final String CAUTION = "This is a pattern in your own check-ins, not medical advice: many things "
            + "move together by chance or for other reasons.";

    public String caution() {
        return CAUTION;
    }
}
