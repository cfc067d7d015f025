package app.village.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.village.screening.ScreeningFixtures;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.ScoringEngine;
import app.village.screening.domain.Screening;

class HistoryChartTest {

    private final Instrument phq9 = ScreeningFixtures.instruments().get("phq-9");

    private Screening at(int day, Map<String, String> answers) {
        return new Screening(UUID.randomUUID(), UUID.randomUUID(), "phq-9", "1.0.0", answers,
                ScoringEngine.score(phq9, answers, CutOffGroup.MOTHERS), Instant.parse("2026-11-01T09:00:00Z").plusSeconds(86_400L * day));
    }

    @Test
    void scoresAreDrawnBetweenTheAxesWithTheCutOffLine() {
        HistoryChart chart = HistoryChart.of("phq-9", "PHQ-9", List.of(at(0, ScreeningFixtures.all(phq9, 3)), at(7, ScreeningFixtures.all(phq9, 0))));
        assertThat(chart.points()).extracting(HistoryChart.Point::score).containsExactly(27, 0);
        assertThat(chart.points().get(0).y()).isEqualTo(HistoryChart.TOP);
        assertThat(chart.points().get(1).y()).isEqualTo(chart.bottom());
        assertThat(chart.points().get(0).x()).isEqualTo(HistoryChart.LEFT);
        assertThat(chart.points().get(1).x()).isEqualTo(chart.right());
        // 10 of 0-27 on a 184-pixel plot: 16 + (27 - 10) * 184 / 27 = 131.85, rounded.
        assertThat(chart.cutOffY()).isEqualTo(132);
        assertThat(chart.cutOffLabel()).isEqualTo("cut-off 10: possible depression");
        assertThat(chart.polyline()).isEqualTo("44,16 564,200");
        assertThat(chart.rows()).extracting(HistoryChart.Row::score).containsExactly("0 of 27", "27 of 27");
        assertThat(chart.summary()).isEqualTo("PHQ-9: 2 results, from 1 Nov 2026 (27) to 8 Nov 2026 (0); cut-off 10: possible depression.");
    }

    @Test
    void incompleteResultsAreListedButNotDrawnAndManyDatesDoNotOverlap() {
        List<Screening> all = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            all.add(at(day, ScreeningFixtures.all(phq9, day % 4)));
        }
        Map<String, String> partial = new LinkedHashMap<>(ScreeningFixtures.all(phq9, 1));
        partial.remove("phq9-2");
        all.add(at(11, partial));
        HistoryChart chart = HistoryChart.of("phq-9", "PHQ-9", all);
        assertThat(chart.points()).hasSize(10);
        assertThat(chart.rows()).hasSize(11);
        assertThat(chart.rows().getFirst().score()).isEqualTo("not scored (unanswered questions)");
        assertThat(chart.points()).filteredOn(p -> !p.label().isEmpty()).extracting(HistoryChart.Point::label)
                .containsExactly("1 Nov", "10 Nov");
    }
}
