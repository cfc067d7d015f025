package app.village.safety;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.village.understanding.RiskLevel;

/**
 * Something another module learnt that a moderator must see about a member, with no post: an urgent
 * screening answer, a member asking for support from their journal.
 *
 * @param source the module and kind, lower case ({@code screening}, {@code journal})
 * @param sourceId the id of what raised it (the screening's id); the same source and id raise one item only
 * @param level {@code URGENT} or {@code HIGH}; anything lower is queued as a request for support
 * @param reasonCodes codes of TAXONOMY.md or the source's own ({@code epds_item_10}, {@code asked_for_support})
 */
public record SafetySignal(String source, UUID sourceId, UUID memberId, RiskLevel level, List<String> reasonCodes,
                           Instant occurredAt) {

    public SafetySignal {
        if (source == null || !source.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("A signal's source is a short lower-case name, not " + source);
        }
        java.util.Objects.requireNonNull(sourceId, "sourceId");
        java.util.Objects.requireNonNull(memberId, "memberId");
        java.util.Objects.requireNonNull(level, "level");
        java.util.Objects.requireNonNull(occurredAt, "occurredAt");
        reasonCodes = List.copyOf(reasonCodes);
    }
}
