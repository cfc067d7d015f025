package app.village.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member asked a moderator to reach out after reading what Village heard in one of their
 * private journal entries. Carries no text: the entry stays private; the moderators learn only
 * who asked and how urgent the reading was.
 *
 * @param riskLevel   the taxonomy's risk code of the entry's reading ({@code none} ... {@code urgent})
 * @param reasonCodes the codes of the reasons for that level, without their evidence
 */
public record SupportRequested(UUID memberId, String riskLevel, List<String> reasonCodes, Instant occurredAt) {

    public SupportRequested {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
