package app.village.guidance;

/**
 * A guide suggested for a situation, with the reason in plain words ("Because you wrote about ...")
 * and the score it was ranked by (higher first; for explaining, not for showing to parents).
 */
public record Suggestion(GuideSummary guide, String reason, double score) {
}
