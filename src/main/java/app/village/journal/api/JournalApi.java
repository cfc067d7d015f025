package app.village.journal.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.journal.domain.CheckIn;
import app.village.journal.domain.CheckInDraft;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.Closeness;
import app.village.journal.domain.Entry;
import app.village.journal.domain.EntryService;
import app.village.journal.domain.Heard;
import app.village.journal.domain.JournalCalendar;
import app.village.journal.domain.JournalData;
import app.village.journal.domain.Pattern;
import app.village.journal.domain.Trends;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.understanding.InsightJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The private journal for its owner alone: another member's data is "not found", whoever asks. */
@RestController
@RequestMapping("/api/journal")
@Tag(name = "Journal", description = "Your private check-ins and entries. Only you can read or change them.")
class JournalApi {

    private final CheckInService checkIns;
    private final EntryService entries;
    private final Trends trends;
    private final JournalData data;

    JournalApi(CheckInService checkIns, EntryService entries, Trends trends, JournalData data) {
        this.checkIns = checkIns;
        this.entries = entries;
        this.trends = trends;
        this.data = data;
    }

    /**
     * A check-in to save. {@code closeness} maps child ids (from your profile, or the nil UUID for
     * "your baby" when there is none) to 0-10; {@code medication} is TAKEN, MISSED or
     * NOT_ON_MEDICATION; {@code version} guards an edit against one made meanwhile.
     */
    record CheckInRequest(@Schema(type = "integer", minimum = "0", maximum = "10", example = "6") JsonNode mood,
                          @Schema(type = "object", example = "{\"00000000-0000-0000-0000-000000000000\": 8}") Map<String, JsonNode> closeness,
                          @Schema(type = "number", minimum = "0", maximum = "24", example = "6.5") JsonNode sleepHours,
                          @Schema(allowableValues = {"TAKEN", "MISSED", "NOT_ON_MEDICATION"}) String medication,
                          @Schema(maxLength = 2000) String note, Integer version,
                          @Schema(example = "Europe/London") String timeZone) {
    }

    record CheckInJson(LocalDate day, int mood, Map<UUID, Integer> closeness, BigDecimal sleepHours, String medication,
                       String note, int version, Instant createdAt, Instant updatedAt) {
        static CheckInJson of(CheckIn c) {
            Map<UUID, Integer> closeness = new LinkedHashMap<>();
            c.closeness().forEach(k -> closeness.put(k.childId(), k.value()));
            return new CheckInJson(c.day(), c.mood(), closeness, c.sleepHours(),
                    c.medication() == null ? null : c.medication().name(), c.note(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    record RatedJson(UUID childId, String name) {
    }

    record TodayJson(LocalDate today, String timeZone, boolean askWhichDay, LocalDate oldestNewCheckIn, List<RatedJson> rated) {
    }

    record EntryRequest(String body, Integer version) {
    }

    record EntryJson(UUID id, String body, int version, Instant createdAt, Instant editedAt) {
        static EntryJson of(Entry e) {
            return new EntryJson(e.id(), e.body(), e.version(), e.createdAt(), e.editedAt());
        }
    }

    record EntryPage(List<EntryJson> entries, String query, int page, boolean hasMore) {
    }

    record HeardJson(List<String> heard, String riskLevel, boolean urgent, String crisisHelp, String note, InsightJson insight) {
    }

    @Operation(summary = "Today in your time zone, whether to ask which day is meant, and whom closeness is asked about")
    @GetMapping("/today")
    TodayJson today(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String timeZone) {
        JournalCalendar.Now now = checkIns.now(user.id(), timeZone);
        return new TodayJson(now.today(), now.zone().getId(), now.smallHours(), now.oldestNew(),
                checkIns.rated(user.id()).stream().map(r -> new RatedJson(r.id(), r.name())).toList());
    }

    @Operation(summary = "Your check-ins from one day to another (both optional), oldest first")
    @GetMapping("/check-ins")
    List<CheckInJson> checkIns(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : date("to", to);
        return checkIns.between(user.id(), from == null ? null : date("from", from), end).stream().map(CheckInJson::of).toList();
    }

    @GetMapping("/check-ins/{day}")
    CheckInJson checkIn(@AuthenticationPrincipal VillageUser user, @PathVariable String day) {
        return CheckInJson.of(checkIns.get(user.id(), path(day)));
    }

    @Operation(summary = "Save the check-in for a day",
            description = "201 when new, 200 when it changed the day's check-in. New check-ins: today or up to 7 days back, "
                    + "in your time zone. 409 when version is sent and the check-in changed since.")
    @PutMapping("/check-ins/{day}")
    ResponseEntity<CheckInJson> save(@AuthenticationPrincipal VillageUser user, @PathVariable String day,
                                     @RequestBody CheckInRequest request) {
        Map<UUID, String> closeness = new LinkedHashMap<>();
        if (request.closeness() != null) {
            request.closeness().forEach((id, value) -> closeness.put(childId(id), scalar("closeness", value)));
        }
        CheckInService.Saved saved = checkIns.save(user.id(), new CheckInDraft(day, scalar("mood", request.mood()), closeness,
                scalar("sleepHours", request.sleepHours()), request.medication(), request.note(), request.version(),
                request.timeZone()));
        CheckInJson body = CheckInJson.of(saved.checkIn());
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/journal/check-ins/" + saved.checkIn().day())).body(body)
                : ResponseEntity.ok(body);
    }

    @DeleteMapping("/check-ins/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCheckIn(@AuthenticationPrincipal VillageUser user, @PathVariable String day) {
        checkIns.delete(user.id(), path(day));
    }

    @Operation(summary = "Patterns in your check-ins, only where the data supports them; an empty list when it is too thin")
    @GetMapping("/patterns")
    List<Pattern> patterns(@AuthenticationPrincipal VillageUser user) {
        return trends.patterns(user.id(), checkIns.now(user.id(), null).today());
    }

    @Operation(summary = "Your entries, newest first, or the best matches of a full-text search (q); 20 a page")
    @GetMapping("/entries")
    EntryPage entries(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "1") int page) {
        EntryService.Listing listing = entries.list(user.id(), q, page);
        return new EntryPage(listing.entries().stream().map(EntryJson::of).toList(), listing.query(), listing.page(),
                listing.hasMore());
    }

    @Operation(summary = "Write an entry", description = "Send an Idempotency-Key (a UUID) to make retries harmless.")
    @PostMapping("/entries")
    ResponseEntity<EntryJson> write(@AuthenticationPrincipal VillageUser user, @RequestBody EntryRequest request,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Entry entry = entries.write(user.id(), request.body(), key(key));
        return ResponseEntity.created(URI.create("/api/journal/entries/" + entry.id())).body(EntryJson.of(entry));
    }

    @GetMapping("/entries/{id}")
    EntryJson entry(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        return EntryJson.of(entries.get(user.id(), id));
    }

    @Operation(summary = "Replace an entry's text", description = "409 when the entry changed since the version you send.")
    @PutMapping("/entries/{id}")
    EntryJson edit(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody EntryRequest request) {
        return EntryJson.of(entries.edit(user.id(), id, request.version(), request.body()));
    }

    @DeleteMapping("/entries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEntry(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        entries.delete(user.id(), id);
    }

    @Operation(summary = "What Village hears in the entry, read now and not stored",
            description = "urgent true means: show crisis help now (crisisHelp is where). Nobody else is told.")
    @PostMapping("/entries/{id}/understanding")
    HeardJson understand(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        Heard heard = entries.understand(user.id(), id);
        return new HeardJson(heard.lines(), heard.riskLevel(), heard.urgent(), heard.urgent() ? "/help" : null,
                Heard.NOT_A_DIAGNOSIS, heard.insight());
    }

    @Operation(summary = "Ask a moderator to reach out to you about this entry",
            description = "The moderators learn that you asked and how urgent the reading was, never the text. 201 the first time, 200 after.")
    @PostMapping("/entries/{id}/support-requests")
    ResponseEntity<Map<String, Object>> support(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        boolean fresh = entries.requestSupport(user.id(), id);
        return ResponseEntity.status(fresh ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("requested", true, "new", fresh));
    }

    @Operation(summary = "Everything in your journal as JSON")
    @GetMapping("/export")
    JournalData.Export export(@AuthenticationPrincipal VillageUser user) {
        return data.export(user.id());
    }

    @Operation(summary = "Delete your whole journal", description = "Send confirm=yes. Cannot be undone.")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAll(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String confirm) {
        if (!"yes".equals(confirm)) {
            throw new InvalidInputException("confirm", "Send confirm=yes to delete your whole journal. Nothing was deleted.");
        }
        data.deleteAll(user.id());
    }

    /** A JSON number or numeric text as text; anything else is refused with the field's name. */
    private static String scalar(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber() || node.isString()) {
            return node.asString();
        }
        throw new InvalidInputException(field, field + " must be a number.");
    }

    private static UUID childId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("closeness", "closeness maps child ids (UUIDs, the nil UUID "
                    + Closeness.THE_BABY + " for your baby) to 0-10.");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date like 2026-12-01.");
        }
    }

    private static LocalDate path(String day) {
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new NotFoundException("There is no check-in for that day.");
        }
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
