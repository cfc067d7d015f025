package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** Its writer deleted a reply. */
public record ReplyDeleted(UUID replyId, UUID postId, Instant occurredAt) {
}
