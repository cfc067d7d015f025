package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** A reply was added to a thread. */
public record ReplyPublished(UUID replyId, UUID postId, UUID authorId, Instant occurredAt) {
}
