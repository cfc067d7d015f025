package app.village.journal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import app.village.journal.domain.CheckIn;
import app.village.journal.domain.CheckInDraft;
import app.village.journal.domain.Closeness;
import app.village.platform.InvalidInputException;

/**
 * The check-in form as posted or as shown: every value as text, so what the member chose is shown
 * again as it was when something needs correcting. Closeness fields are named
 * {@code closeness-<child id>}.
 */
record CheckInForm(String day, String mood, Map<String, String> closeness, String sleepHours, String medication, String note,
                   Integer version, String timeZone) {

    static final String CLOSENESS_PREFIX = "closeness-";

    static CheckInForm blank(String day) {
        return new CheckInForm(day, "", Map.of(), "", "", "", null, "");
    }

    static CheckInForm of(CheckIn c) {
        Map<String, String> closeness = new LinkedHashMap<>();
        for (Closeness k : c.closeness()) {
            closeness.put(k.childId().toString(), String.valueOf(k.value()));
        }
        return new CheckInForm(c.day().toString(), String.valueOf(c.mood()), closeness,
                c.sleepHours() == null ? "" : c.sleepHours().stripTrailingZeros().toPlainString(),
                c.medication() == null ? "" : c.medication().name(), c.note() == null ? "" : c.note(), c.version(), "");
    }

    static CheckInForm from(MultiValueMap<String, String> params) {
        Map<String, String> closeness = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(CLOSENESS_PREFIX) && !values.isEmpty()) {
                closeness.put(name.substring(CLOSENESS_PREFIX.length()), values.getFirst());
            }
        });
        String version = params.getFirst("version");
        Integer v = null;
        if (version != null && !version.isBlank()) {
            try {
                v = Integer.valueOf(version.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("version", "The form was damaged. Please reload the page and try again.");
            }
        }
        return new CheckInForm(params.getFirst("day"), params.getFirst("mood"), closeness, params.getFirst("sleepHours"),
                params.getFirst("medication"), params.getFirst("note"), v, params.getFirst("timeZone"));
    }

    CheckInDraft draft() {
        Map<UUID, String> byChild = new LinkedHashMap<>();
        closeness.forEach((id, value) -> {
            try {
                byChild.put(UUID.fromString(id), value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("closeness", "The form was damaged. Please reload the page and try again.");
            }
        });
        return new CheckInDraft(day, mood, byChild, sleepHours, medication, note, version, timeZone);
    }

    public String closenessTo(UUID childId) {
        return closeness.getOrDefault(childId.toString(), "");
    }
}
