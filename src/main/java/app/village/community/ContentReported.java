package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** A member reported a post or reply; the moderators' queue picks this up. */
public record ContentReported(UUID reportId, String targetKind, UUID targetId, UUID postId, ReportReason reason,
                              Instant occurredAt) {
}
