package app.village.screening.core;

/**
 * A cut-off as it was applied to one score.
 *
 * @param reached whether the score is at or above it; {@code null} when the score is incomplete
 */
public record CutOffResult(String key, int atLeast, String meaning, String source, boolean primary, Boolean reached) {
}
