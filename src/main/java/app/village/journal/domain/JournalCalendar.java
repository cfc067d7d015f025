package app.village.journal.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which day a check-in is for, in the member's own time zone. Just after midnight a tired parent
 * usually means the day that has just ended, but not always, so until 04:00 they are asked.
 */
public final class JournalCalendar {

    /** Days before today for which a new check-in may still be added. */
    public static final int BACKFILL_DAYS = 7;

    /** Until this local time the day is ambiguous: the parent is asked which day they mean. */
    static final LocalTime SMALL_HOURS_END = LocalTime.of(4, 0);

    private JournalCalendar() {
    }

    /**
     * Now, for a member.
     *
     * @param choosable the days a new check-in may be for, today first
     * @param smallHours whether it is just after midnight, when the page asks which day is meant
     */
    public record Now(ZoneId zone, LocalDate today, LocalTime time, boolean smallHours, List<LocalDate> choosable) {

        public LocalDate oldestNew() {
            return today.minusDays(BACKFILL_DAYS);
        }

        public boolean isChoosable(LocalDate day) {
            return !day.isAfter(today) && !day.isBefore(oldestNew());
        }
    }

    public static Now at(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate today = local.toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= BACKFILL_DAYS; i++) {
            days.add(today.minusDays(i));
        }
        return new Now(zone, today, local.toLocalTime(), local.toLocalTime().isBefore(SMALL_HOURS_END), List.copyOf(days));
    }

    /** The zone for an IANA id such as {@code Europe/London}, or null when the id is missing or unknown. */
    public static ZoneId zoneOrNull(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
