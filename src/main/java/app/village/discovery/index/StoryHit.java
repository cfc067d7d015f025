package app.village.discovery.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One story found.
 *
 * @param similarity cosine similarity of meaning with the query (0 when there was no query to compare with)
 * @param score      the fused rank score the list is ordered by
 */
public record StoryHit(UUID id, String title, String excerpt, Integer childAgeMonths, String role, List<String> themes,
                       Instant publishedAt, double similarity, double score) {
}
