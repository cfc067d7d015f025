package app.village.screening.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member pressed "Ask a moderator to reach out to me" on one of their screening results. The
 * moderators learn who asked and whether an answer was about harm, never the answers or the scores.
 */
public record ScreeningSupportRequested(UUID screeningId, UUID memberId, boolean urgent, List<String> reasonCodes, Instant occurredAt) {

    public ScreeningSupportRequested {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
