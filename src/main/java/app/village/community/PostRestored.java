package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** A hidden post or reply is visible again to whoever could read it before. */
public record PostRestored(String subjectKind, UUID subjectId, UUID postId, Instant occurredAt) {
}
