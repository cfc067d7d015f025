package app.village.screening.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.screening.core.Instrument;
import app.village.screening.core.Interpretation;
import app.village.screening.core.Reading;
import app.village.screening.core.ScreeningResult;
import app.village.screening.domain.Screening;
import app.village.screening.domain.ScreeningService;
import app.village.screening.fhir.FhirExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/screenings")
@Tag(name = "Screening", description = "Questionnaires scored by their published rules, your results and their FHIR export")
class ScreeningApi {

    static final String FHIR_JSON = "application/fhir+json";

    private final ScreeningService screenings;
    private final FhirExport fhir;

    ScreeningApi(ScreeningService screenings, FhirExport fhir) {
        this.screenings = screenings;
        this.fhir = fhir;
    }

    /**
     * Answers to one questionnaire: option codes by linkId, as in the Questionnaire resources.
     * {@code version} is the Questionnaire version the answers were given to.
     */
    record SubmissionRequest(String questionnaire, String version, Map<String, String> answers) {
    }

    record InstrumentJson(String id, String title, String version, String url, int questions) {
    }

    record ScreeningJson(UUID id, String instrument, String version, Instant completedAt, Map<String, String> answers,
                         ScreeningResult result, Reading reading, String fhir) {
    }

    @Operation(summary = "The questionnaires as a FHIR R4 Bundle of Questionnaire resources (public)",
            description = "The EPDS is given as structure and scoring only: its wording may not be redistributed.")
    @GetMapping(value = "/questionnaires", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> questionnaires() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON)).body(fhir.questionnaires());
    }

    @Operation(summary = "The questionnaires you can take here, with the version to send back")
    @GetMapping("/instruments")
    List<InstrumentJson> instruments() {
        return screenings.instruments().offered().stream()
                .map(i -> new InstrumentJson(i.id(), i.title(), i.version(), i.canonicalUrl(), i.scoredQuestions().size()))
                .toList();
    }

    @Operation(summary = "Submit answers and get the scored result",
            description = "409 when the questionnaire changed since the version you send. Send an Idempotency-Key (a UUID) "
                    + "to make retries harmless. Unanswered questions make the result incomplete (not interpreted).")
    @PostMapping
    ResponseEntity<ScreeningJson> submit(@AuthenticationPrincipal VillageUser user, @RequestBody SubmissionRequest request,
                                         @Parameter(description = "UUID; the same key returns the same screening")
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        if (request == null || request.questionnaire() == null || request.questionnaire().isBlank()) {
            throw new InvalidInputException("questionnaire", "Say which questionnaire was answered (\"questionnaire\": \"phq-9\").");
        }
        Screening s = screenings.submit(user.id(), user.familyRole(), request.questionnaire(), request.version(), request.answers(),
                key(key));
        return ResponseEntity.created(URI.create("/api/screenings/" + s.id())).body(json(s));
    }

    @Operation(summary = "Your screenings, oldest first")
    @GetMapping
    List<ScreeningJson> history(@AuthenticationPrincipal VillageUser user) {
        return screenings.history(user.id()).stream().map(this::json).toList();
    }

    @Operation(summary = "Ask a moderator to reach out about one of your results",
            description = "Moderators learn who asked and whether an answer was about harm, never the answers. Asking again adds nothing.")
    @PostMapping("/{id}/support-requests")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    void askForSupport(@org.springframework.security.core.annotation.AuthenticationPrincipal app.village.accounts.VillageUser user,
                       @org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
        screenings.requestSupport(user.id(), id);
    }

    @Operation(summary = "One of your screenings")
    @GetMapping("/{id}")
    ScreeningJson one(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        return json(screenings.own(user.id(), id));
    }

    @Operation(summary = "One of your screenings as a FHIR R4 Bundle: the QuestionnaireResponse, an Observation per score "
            + "and the pseudonymous Patient they are about", description = "Sent as a file to save "
            + "(Content-Disposition: attachment; filename=\"village-phq-9-2026-12-03.fhir.json\").")
    @GetMapping(value = "/{id}/fhir", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> fhir(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        Screening s = screenings.own(user.id(), id);
        // A named file to hand to a clinician, not raw JSON opened in the tab.
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(fileName(s)).build().toString())
                .body(fhir.bundle(s));
    }

    /** "village-phq-9-2026-12-03.fhir.json": what it is and when it was taken, nothing about who. */
    static String fileName(Screening s) {
        return "village-" + s.instrument() + "-" + java.time.LocalDate.ofInstant(s.completedAt(), java.time.ZoneOffset.UTC)
                + ".fhir.json";
    }

    private ScreeningJson json(Screening s) {
        Instrument instrument = screenings.instruments().structure(s.instrument());
        return new ScreeningJson(s.id(), s.instrument(), s.version(), s.completedAt(), s.answers(), s.result(),
                Interpretation.of(instrument, s.result()), "/api/screenings/" + s.id() + "/fhir");
    }

    private static UUID key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key header must be a UUID.");
        }
    }
}
