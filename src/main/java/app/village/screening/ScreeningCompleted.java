package app.village.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member finished a screening questionnaire. Carries no answers or scores, only whether
 * something needs a person at once.
 *
 * @param instrument  the questionnaire's id: {@code phq-9}, {@code gad-7}, {@code pbq} or {@code epds}
 * @param urgent      an answer about self-harm or harming the baby (whatever the total)
 * @param reasonCodes why it is urgent: {@code phq9-item9-above-zero}, {@code epds-item10-above-zero},
 *                    {@code pbq-scale4-at-cutoff}; empty when not urgent
 */
public record ScreeningCompleted(UUID screeningId, UUID memberId, String instrument, boolean urgent,
                                 List<String> reasonCodes, Instant occurredAt) {

    public ScreeningCompleted {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
