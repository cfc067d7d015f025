package app.village.safety.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.village.safety.policy.Reason;
import app.village.understanding.RiskLevel;

/**
 * One thing a moderator must look at: a reading of a post or reply ({@code READING}), a member's report
 * ({@code REPORT}) or a signal from another module about a member ({@code SIGNAL}, no post).
 *
 * @param level the current level (a person's override over the automated one), null for a report
 * @param reasons stored reasons, {@code code@person}
 * @param textErasedAt when the post or reply was erased with its writer's account (null while it is not)
 */
public record QueueItem(UUID id, String source, String sourceKey, String subjectKind, UUID subjectId, UUID postId,
                        UUID memberId, RiskLevel automatedLevel, RiskLevel level, List<String> reasons, String reportReason,
                        Integer textVersion, String status, UUID claimedBy, Instant claimedAt, Instant escalatedAt,
                        UUID escalatedBy, String outcome, UUID resolvedBy, Instant resolvedAt, Instant createdAt, int version,
                        Instant textErasedAt) {

    public QueueItem {
        reasons = List.copyOf(reasons);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean report() {
        return "REPORT".equals(source);
    }

    public boolean signal() {
        return "SIGNAL".equals(source);
    }

    public boolean hasText() {
        return subjectId != null;
    }

    public boolean textErased() {
        return textErasedAt != null;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }

    public boolean overridden() {
        return level != automatedLevel;
    }

    /** Queue order: urgent, then high, then reports and everything else; within each, the longest waiting first. */
    public int rank() {
        if (level == RiskLevel.URGENT) {
            return 0;
        }
        return level == RiskLevel.HIGH ? 1 : 2;
    }

    /** What the queue calls its band: {@code urgent}, {@code high} or {@code report} (reports and lower levels). */
    public String band() {
        return switch (rank()) {
            case 0 -> "urgent";
            case 1 -> "high";
            default -> "report";
        };
    }

    public List<Reason> reasonList() {
        return reasons.stream().map(Reason::ofStored).toList();
    }

    public Duration waited(Instant now) {
        Instant until = resolvedAt != null ? resolvedAt : now;
        return Duration.between(createdAt, until).isNegative() ? Duration.ZERO : Duration.between(createdAt, until);
    }
}
