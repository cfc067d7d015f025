package app.village.discovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A story found for a reader: what is shown of it, never its writer's identity.
 *
 * @param writerRole   the writer's family role code ({@code mother}, {@code father}, {@code partner}, {@code other_carer}, {@code unknown})
 * @param themes       TAXONOMY theme codes heard in it
 * @param similarity   closeness in meaning to the post or the words searched, 0 to 1 (0 when browsing without words)
 */
public record SimilarStory(UUID postId, String title, String excerpt, Integer childAgeMonths, String writerRole,
                           List<String> themes, Instant publishedAt, double similarity) {
}
