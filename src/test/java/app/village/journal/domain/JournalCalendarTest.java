package app.village.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class JournalCalendarTest {

    @Test
    void halfPastMidnightInLondonAsksWhichDay() {
        JournalCalendar.Now now = JournalCalendar.at(Instant.parse("2026-12-02T00:30:00Z"), ZoneId.of("Europe/London"));
        assertThat(now.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(now.smallHours()).isTrue();
        assertThat(now.choosable()).hasSize(8).startsWith(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1));
    }

    @Test
    void theMembersZoneDecidesTheDay() {
        Instant lateEvening = Instant.parse("2026-12-01T22:30:00Z");
        assertThat(JournalCalendar.at(lateEvening, ZoneId.of("America/New_York")).today()).isEqualTo(LocalDate.of(2026, 12, 1));
        JournalCalendar.Now sydney = JournalCalendar.at(lateEvening, ZoneId.of("Australia/Sydney"));
        assertThat(sydney.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(sydney.smallHours()).isFalse();
        assertThat(sydney.isChoosable(LocalDate.of(2026, 11, 25))).isTrue();
        assertThat(sydney.isChoosable(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(sydney.isChoosable(LocalDate.of(2026, 12, 3))).isFalse();
        assertThat(JournalCalendar.at(Instant.parse("2026-12-02T04:00:00Z"), ZoneId.of("UTC")).smallHours()).isFalse();
    }

    @Test
    void unknownZonesAreIgnored() {
        assertThat(JournalCalendar.zoneOrNull("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(JournalCalendar.zoneOrNull("Mars/Olympus")).isNull();
        assertThat(JournalCalendar.zoneOrNull("<script>")).isNull();
        assertThat(JournalCalendar.zoneOrNull("")).isNull();
        assertThat(JournalCalendar.zoneOrNull(null)).isNull();
        assertThat(JournalCalendar.zoneOrNull("x".repeat(65))).isNull();
    }
}
