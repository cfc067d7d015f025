package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** A post and its replies are gone. */
public record PostDeleted(UUID postId, Instant occurredAt) {
}
