package app.village.screening.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.village.screening.core.ScreeningResult;

/** A completed questionnaire as stored: the answers as given and their scored result. */
public record Screening(UUID id, UUID memberId, String instrument, String version, Map<String, String> answers,
                        ScreeningResult result, Instant completedAt) {

    public Screening {
        answers = Map.copyOf(answers);
    }
}
