package app.village.community;

import java.time.Instant;
import java.util.UUID;

/**
 * A post or reply is hidden from everyone but its writer and the moderators (held by the safety
 * policy, {@code reason} {@code HELD}, or hidden by a moderator, {@code MODERATOR}). A search index
 * forgets it until {@link PostRestored}.
 *
 * @param subjectKind {@code POST} or {@code REPLY}
 */
public record PostHidden(String subjectKind, UUID subjectId, UUID postId, String reason, Instant occurredAt) {
}
