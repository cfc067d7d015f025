package app.village.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChartBuilderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Map<UUID, String> BABY = Map.of(Closeness.THE_BABY, "your baby");

    private static CheckIn day(LocalDate day, int mood, Medication medication, List<Closeness> closeness) {
        return new CheckIn(UUID.randomUUID(), day, mood, closeness, BigDecimal.valueOf(6.5), medication, null, 0, Instant.EPOCH, null);
    }

    @Test
    void sevenDaysGiveSevenPointsTwoMissedDosesAndATableOfSeven() {
        List<CheckIn> week = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            Medication m = i == 2 || i == 5 ? Medication.MISSED : Medication.TAKEN;
            week.add(day(TODAY.minusDays(i), 7 - i, m, List.of(new Closeness(Closeness.THE_BABY, 5))));
        }
        ChartPage page = ChartBuilder.build(ChartRange.WEEK, TODAY, week, BABY);
        assertThat(page.weekly()).isFalse();
        assertThat(page.charts()).extracting(Chart::id).containsExactly("mood", "closeness", "sleep");
        Chart mood = page.charts().getFirst();
        assertThat(mood.lines()).hasSize(1);
        assertThat(mood.lines().getFirst().dots()).hasSize(7);
        assertThat(mood.lines().getFirst().path()).startsWith("M").doesNotContain(" M").contains(" L");
        assertThat(mood.missed()).hasSize(2).extracting(Chart.Band::label)
                .containsExactly("Fri 27 Nov: dose missed", "Mon 30 Nov: dose missed");
        assertThat(mood.summary()).isEqualTo("Mood: from 1 (26 Nov) to 7 (2 Dec), on average 4 out of 10.");
        assertThat(page.rows()).hasSize(7);
        assertThat(page.rows().getFirst().when()).isEqualTo("Wed 2 Dec");
        assertThat(page.rows()).filteredOn(ChartPage.Row::missed).hasSize(2);
        assertThat(page.summary()).contains("7 check-ins in the last 7 days").contains("missed on 2 days");
        // The top of the mood chart is 10, the bottom 0: a 7 sits at 70% of the height.
        double top = Chart.TOP;
        double bottom = Chart.BOTTOM;
        Chart.Dot last = mood.lines().getFirst().dots().getLast();
        assertThat(last.y()).isCloseTo(bottom - 0.7 * (bottom - top), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aDayWithoutACheckInBreaksTheLine() {
        List<CheckIn> days = List.of(day(TODAY.minusDays(6), 4, null, List.of()), day(TODAY.minusDays(5), 5, null, List.of()),
                day(TODAY.minusDays(2), 6, null, List.of()), day(TODAY, 7, null, List.of()));
        Chart mood = ChartBuilder.build(ChartRange.WEEK, TODAY, days, BABY).charts().getFirst();
        assertThat(mood.lines().getFirst().path().split(" M")).hasSize(3);
        assertThat(ChartBuilder.build(ChartRange.WEEK, TODAY, days, BABY).charts().get(1).summary())
                .isEqualTo("Closeness to your baby: nothing recorded in this range.");
    }

    @Test
    void eachChildHasItsOwnClosenessLineAndColumn() {
        UUID sam = UUID.randomUUID();
        UUID noor = UUID.randomUUID();
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(sam, "Sam");
        names.put(noor, "Noor");
        List<CheckIn> days = List.of(day(TODAY.minusDays(1), 5, null, List.of(new Closeness(sam, 8), new Closeness(noor, 3))),
                day(TODAY, 6, null, List.of(new Closeness(sam, 9))));
        ChartPage page = ChartBuilder.build(ChartRange.MONTH, TODAY, days, names);
        assertThat(page.charts().get(1).lines()).extracting(Chart.Line::name).containsExactly("Sam", "Noor");
        assertThat(page.columns()).containsExactly("Day", "Mood", "Closeness: Sam", "Closeness: Noor", "Sleep (hours)", "Medication");
        assertThat(page.rows().getFirst().cells()).containsExactly("6", "9", "–", "6.5", "–");
    }

    @Test
    void threeYearsAreDrawnAsWeeklyAverages() {
        List<CheckIn> days = new ArrayList<>();
        for (int i = 3 * 365; i >= 0; i--) {
            days.add(day(TODAY.minusDays(i), i % 11, i % 9 == 0 ? Medication.MISSED : Medication.TAKEN, List.of()));
        }
        ChartPage page = ChartBuilder.build(ChartRange.ALL, TODAY, days, BABY);
        assertThat(page.weekly()).isTrue();
        assertThat(page.rows()).hasSizeBetween(156, 158);
        assertThat(page.charts().getFirst().lines().getFirst().dots()).isEmpty();
        assertThat(page.columns()).startsWith("Week of", "Check-ins", "Mood (average)");
        assertThat(page.rows().getFirst().cells().getFirst()).isEqualTo("3");
        assertThat(page.charts().getFirst().missed()).hasSizeGreaterThan(100)
                .allSatisfy(b -> assertThat(b.label()).startsWith("Week of ").contains("missed dose"));
        assertThat(page.summary()).contains("1096 check-ins in all").contains("weekly averages");
    }

    @Test
    void nothingYetSaysSo() {
        ChartPage page = ChartBuilder.build(ChartRange.ALL, TODAY, List.of(), BABY);
        assertThat(page.empty()).isTrue();
        assertThat(page.summary()).isEqualTo("No check-ins in this range yet.");
    }
}
