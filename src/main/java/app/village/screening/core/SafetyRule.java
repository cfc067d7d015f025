package app.village.screening.core;

/**
 * An answer that needs a person at once, whatever the total: an item scored above zero
 * ({@code item} &gt; 0), or a scale at or above {@code atLeast} ({@code scaleCode} set).
 */
public record SafetyRule(String reasonCode, int item, String scaleCode, int atLeast) {

    public static SafetyRule itemAboveZero(String reasonCode, int item) {
        return new SafetyRule(reasonCode, item, null, 1);
    }

    public static SafetyRule scaleAtLeast(String reasonCode, String scaleCode, int atLeast) {
        return new SafetyRule(reasonCode, 0, scaleCode, atLeast);
    }
}
