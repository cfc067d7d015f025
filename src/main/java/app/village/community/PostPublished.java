package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** A post was published. Carries ids, not text: listeners read the text through the community's API when they need it. */
public record PostPublished(UUID postId, UUID authorId, Visibility visibility, Integer childAgeMonths, Instant occurredAt) {
}
