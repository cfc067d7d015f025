package app.village.community.domain;

import java.time.Instant;
import java.util.UUID;

/** "Someone replied in a thread you follow." */
public record NotificationView(UUID id, UUID postId, String postTitle, UUID replyId, String replierHandle,
                               Instant createdAt, boolean read) {
}
