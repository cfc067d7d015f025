package app.village.safety.queue;

import java.time.Instant;
import java.util.UUID;

/** A private supportive message from a moderator to a member. */
public record SupportMessage(UUID id, UUID itemId, UUID fromId, UUID toId, String body, Instant createdAt, Instant readAt) {
}
