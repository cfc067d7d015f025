package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** The writer changed a reply. */
public record ReplyEdited(UUID replyId, UUID postId, UUID authorId, int version, Instant occurredAt) {
}
