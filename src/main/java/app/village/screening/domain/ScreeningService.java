package app.village.screening.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.FamilyRole;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.screening.ScreeningCompleted;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.ScoringEngine;
import app.village.screening.core.ScreeningResult;

/**
 * Taking and reading screenings. Each submission is one transaction: it is scored completely
 * before anything is written, stored once per submission key, and its {@link ScreeningCompleted}
 * is recorded by the event registry with the same commit.
 */
@Service
public class ScreeningService {

    static final String NO_SUCH_SCREENING = "There is no such screening result, or it is not yours.";
    private static final int MAX_ANSWERS = 100;

    private final Instruments instruments;
    private final ScreeningRepository screenings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreeningService(Instruments instruments, ScreeningRepository screenings, ApplicationEventPublisher events, Clock clock) {
        this.instruments = instruments;
        this.screenings = screenings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Scores and keeps a member's answers.
     *
     * @param version       the instrument version the answers were given to; a different current
     *                      version means the questions changed meanwhile (409)
     * @param submissionKey the same key returns the screening already stored, so retries and double clicks store one
     */
    @Transactional
    public Screening submit(UUID member, FamilyRole role, String instrumentId, String version, Map<String, String> answers,
                            UUID submissionKey) {
        Instrument instrument = instruments.get(instrumentId);
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("version", "Say which version of the questionnaire was answered (its \"version\").");
        }
        if (!version.equals(instrument.version())) {
            throw new ConflictException("The " + instrument.shortName() + " has changed since it was opened. "
                    + "Nothing was saved: please open it again and answer the current questions.");
        }
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("answers", "There are no answers. Please answer the questions first.");
        }
        if (answers.size() > MAX_ANSWERS) {
            throw new InvalidInputException("answers", "There are more answers than questions.");
        }
        Map<String, String> given = new LinkedHashMap<>(answers);
        given.values().removeIf(v -> v == null || v.isBlank());
        ScreeningResult result = ScoringEngine.score(instrument, given, CutOffGroup.of(role));
        Instant now = clock.instant();
        UUID key = submissionKey == null ? UUID.randomUUID() : submissionKey;
        Screening candidate = new Screening(UUID.randomUUID(), member, instrument.id(), instrument.version(), given, result, now);
        UUID id = screenings.insertOnce(candidate, key);
        Screening stored = screenings.find(id).orElseThrow();
        if (id.equals(candidate.id())) {
            events.publishEvent(new ScreeningCompleted(id, member, instrument.id(), result.urgent(), result.reasonCodes(), now));
        } else if (!stored.instrument().equals(instrument.id())) {
            throw new ConflictException("This submission key was already used for another questionnaire. Nothing was saved.");
        }
        return stored;
    }

    /** The member's own screening; anyone else's is "not found", so its existence is not revealed. */
    @Transactional(readOnly = true)
    public Screening own(UUID member, UUID id) {
        return screenings.find(id).filter(s -> s.memberId().equals(member))
                .orElseThrow(() -> new NotFoundException(NO_SUCH_SCREENING));
    }

    /**
     * The member asks a moderator to reach out about this result: the only way a screening reaches
     * anyone else. Asking again adds nothing (the queue keeps one item per screening).
     */
    @Transactional
    public void requestSupport(UUID member, UUID id) {
        Screening s = own(member, id);
        events.publishEvent(new ScreeningSupportRequested(s.id(), member, s.result().urgent(), s.result().reasonCodes(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Screening> history(UUID member) {
        return screenings.byMember(member);
    }

    public Instruments instruments() {
        return instruments;
    }
}
