package app.village.journal.domain;

import java.util.Map;
import java.util.UUID;

/**
 * A check-in as sent by a form or the API, before any checking. Values arrive as text so that a
 * wrong type gets the same clear message from both.
 *
 * @param day        ISO date ({@code 2026-12-01}) the check-in is for
 * @param closeness  closeness by child id ({@link Closeness#THE_BABY} without children on the profile)
 * @param version    the version being edited, or null: a check-in for a day that has one edits it
 * @param timeZone   the browser's IANA time zone, or null to use the stored one
 */
public record CheckInDraft(String day, String mood, Map<UUID, String> closeness, String sleepHours, String medication,
                           String note, Integer version, String timeZone) {

    public CheckInDraft {
        closeness = closeness == null ? Map.of() : Map.copyOf(closeness);
    }
}
