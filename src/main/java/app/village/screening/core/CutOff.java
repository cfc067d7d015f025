package app.village.screening.core;

/**
 * A published threshold: a score at or above {@code atLeast} means {@code meaning}.
 *
 * @param key     short name shown with the result ("2006", "possible", "≥ 10")
 * @param group   whose cut-off it is, or {@code null} when it applies to everyone
 * @param primary the one used to interpret the result and drawn on the chart; the others are shown as alternatives
 */
public record CutOff(String key, CutOffGroup group, int atLeast, String meaning, String source, boolean primary) {

    public boolean appliesTo(CutOffGroup g) {
        return group == null || group == g;
    }
}
