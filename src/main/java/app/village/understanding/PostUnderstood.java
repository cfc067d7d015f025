package app.village.understanding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post or reply has been read. Carries the risk level and the reason codes, never text: the
 * safety module acts on it (crisis help, the moderators' queue).
 *
 * @param subjectKind {@code POST} or {@code REPLY}
 */
public record PostUnderstood(String subjectKind, UUID subjectId, UUID postId, UUID authorId, int textVersion,
                             RiskLevel riskLevel, List<String> reasonCodes, List<String> themes, Instant occurredAt) {
}
