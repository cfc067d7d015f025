package app.village.screening.core;

import static app.village.screening.ScreeningFixtures.all;
import static app.village.screening.ScreeningFixtures.byPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.village.platform.InvalidInputException;
import app.village.screening.ScreeningFixtures;
import app.village.screening.domain.Instruments;

/**
 * Every published scoring rule, with totals worked out by hand from the published scoring
 * (CLINICAL-FACTS.md sections 1-3), not from the engine.
 */
class ScoringRulesTest {

    private static final Instruments INSTRUMENTS = ScreeningFixtures.instruments();
    private static final Instrument PHQ9 = INSTRUMENTS.get("phq-9");
    private static final Instrument GAD7 = INSTRUMENTS.get("gad-7");
    private static final Instrument PBQ = INSTRUMENTS.get("pbq");
    private static final Instrument EPDS = INSTRUMENTS.get("epds");

    private static ScreeningResult mothers(Instrument i, Map<String, String> answers) {
        return ScoringEngine.score(i, answers, CutOffGroup.MOTHERS);
    }

    static Stream<Arguments> phq9() {
        return Stream.of(
                // positions = scores for PHQ-9 (0 Not at all ... 3 Nearly every day)
                Arguments.of(new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, "none or minimal", false, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 3, 3, 3, 3}, 27, "severe", true, true),
                Arguments.of(new int[]{1, 1, 1, 1, 0, 0, 0, 0, 0}, 4, "none or minimal", false, false),
                Arguments.of(new int[]{1, 1, 1, 1, 1, 0, 0, 0, 0}, 5, "mild", false, false),
                Arguments.of(new int[]{3, 3, 3, 0, 0, 0, 0, 0, 0}, 9, "mild", false, false),
                Arguments.of(new int[]{1, 2, 0, 3, 1, 0, 2, 1, 0}, 10, "moderate", true, false),
                Arguments.of(new int[]{2, 2, 2, 2, 2, 2, 2, 0, 0}, 14, "moderate", true, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 0, 0, 0, 0}, 15, "moderately severe", true, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 2, 2, 0, 0}, 19, "moderately severe", true, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 3, 2, 0, 0}, 20, "severe", true, false),
                // Item 9 above zero is urgent whatever the total.
                Arguments.of(new int[]{0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, "none or minimal", false, true));
    }

    @ParameterizedTest
    @MethodSource("phq9")
    void phq9TotalsBandsCutOffAndItem9(int[] positions, int total, String band, boolean atCutOff, boolean urgent) {
        ScreeningResult r = mothers(PHQ9, byPosition(PHQ9, positions));
        assertThat(r.complete()).isTrue();
        assertThat(r.main().score()).isEqualTo(total);
        assertThat(r.main().band()).isEqualTo(band);
        assertThat(r.main().atOrAbovePrimary()).isEqualTo(atCutOff);
        assertThat(r.urgent()).isEqualTo(urgent);
        assertThat(r.reasonCodes()).isEqualTo(urgent ? List.of("phq9-item9-above-zero") : List.of());
        assertThat(r.version()).isEqualTo("1.0.0");
        assertThat(r.main().cutOffs()).extracting(CutOffResult::atLeast).containsExactly(10);
    }

    static Stream<Arguments> gad7() {
        return Stream.of(
                Arguments.of(new int[]{0, 0, 0, 0, 0, 0, 0}, 0, "minimal", false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 3, 3}, 21, "severe", true),
                Arguments.of(new int[]{1, 1, 1, 1, 0, 0, 0}, 4, "minimal", false),
                Arguments.of(new int[]{1, 1, 1, 1, 1, 0, 0}, 5, "mild", false),
                Arguments.of(new int[]{3, 3, 3, 0, 0, 0, 0}, 9, "mild", false),
                Arguments.of(new int[]{2, 2, 2, 2, 2, 0, 0}, 10, "moderate", true),
                Arguments.of(new int[]{2, 2, 2, 2, 2, 2, 2}, 14, "moderate", true),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 0, 0}, 15, "severe", true));
    }

    @ParameterizedTest
    @MethodSource("gad7")
    void gad7TotalsAndBands(int[] positions, int total, String band, boolean atCutOff) {
        ScreeningResult r = mothers(GAD7, byPosition(GAD7, positions));
        assertThat(r.main().score()).isEqualTo(total);
        assertThat(r.main().band()).isEqualTo(band);
        assertThat(r.main().atOrAbovePrimary()).isEqualTo(atCutOff);
        assertThat(r.urgent()).isFalse();
    }

    /** PBQ option positions: 0 Always, 1 Very often, 2 Quite often, 3 Sometimes, 4 Rarely, 5 Never. */
    @Test
    void pbqAllAlwaysScoresTheNegativeItemsFullAndThePositiveOnesZero() {
        ScreeningResult r = mothers(PBQ, all(PBQ, 0));
        // 17 negatively worded items x 5 = 85; the eight positive ones (1, 4, 8, 9, 11, 16, 22, 25) score 0.
        assertThat(scores(r)).containsExactly(85, 40, 25, 10, 10);
        assertThat(r.urgent()).isTrue();
        assertThat(r.reasonCodes()).containsExactly("pbq-scale4-at-cutoff");
    }

    @Test
    void pbqAllNeverScoresOnlyThePositiveItems() {
        ScreeningResult r = mothers(PBQ, all(PBQ, 5));
        // Positive items score Never = 5: scale 1 has 1, 8, 9, 16 (20); scale 2 has 4, 11 (10); scale 3 has 22, 25 (10).
        assertThat(scores(r)).containsExactly(40, 20, 10, 10, 0);
        assertThat(r.urgent()).isFalse();
    }

    @Test
    void pbqMinimumAndMaximum() {
        int[] best = new int[25];
        int[] worst = new int[25];
        for (int item = 1; item <= 25; item++) {
            boolean positive = PublishedRules.PBQ_POSITIVE.contains(item);
            best[item - 1] = positive ? 0 : 5;
            worst[item - 1] = positive ? 5 : 0;
        }
        assertThat(scores(mothers(PBQ, byPosition(PBQ, best)))).containsExactly(0, 0, 0, 0, 0);
        assertThat(scores(mothers(PBQ, byPosition(PBQ, worst)))).containsExactly(125, 60, 35, 20, 10);
    }

    @Test
    void pbqScalesAgainstThe2006AndThe2001CutOffs() {
        int[] positions = new int[25];
        for (int item = 1; item <= 25; item++) {
            positions[item - 1] = PublishedRules.PBQ_POSITIVE.contains(item) ? 0 : 5; // all zero to start
        }
        // Scale 2 = 15: item 3 "Always" (5), item 5 "Always" (5), item 14 "Always" (5).
        positions[2] = 0;
        positions[4] = 0;
        positions[13] = 0;
        // Scale 4 = 2: items 18 and 24 "Rarely" (1 each): at the 2006 cut-off (2), below the 2001 one (3).
        positions[17] = 4;
        positions[23] = 4;
        // Scale 1 = 11: item 2 "Always" (5), item 6 "Very often" (4), item 1 "Very often" (positive: 1), item 7 "Rarely" (1).
        positions[1] = 0;
        positions[5] = 1;
        positions[0] = 1;
        positions[6] = 4;
        ScreeningResult r = mothers(PBQ, byPosition(PBQ, positions));
        assertThat(scores(r)).containsExactly(28, 11, 15, 0, 2);
        ScaleScore scale1 = r.scale("pbq.scale-1").orElseThrow();
        assertThat(scale1.cutOffs()).extracting(CutOffResult::key, CutOffResult::atLeast, CutOffResult::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2006", 12, false), org.assertj.core.groups.Tuple.tuple("2001", 12, false));
        assertThat(r.scale("pbq.scale-2").orElseThrow().cutOffs()).extracting(CutOffResult::atLeast, CutOffResult::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(13, true), org.assertj.core.groups.Tuple.tuple(17, false));
        assertThat(r.scale("pbq.scale-4").orElseThrow().cutOffs()).extracting(CutOffResult::atLeast, CutOffResult::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(3, false));
        assertThat(r.scale("pbq.total").orElseThrow().cutOffs()).as("the total cut-off >= 26 is UNVERIFIED and not used").isEmpty();
        assertThat(r.urgent()).isTrue();
    }

    @Test
    void pbqScale4OneBelowTheCutOffIsNotUrgent() {
        int[] positions = new int[25];
        for (int item = 1; item <= 25; item++) {
            positions[item - 1] = PublishedRules.PBQ_POSITIVE.contains(item) ? 0 : 5;
        }
        positions[17] = 4; // item 18 "Rarely" = 1
        ScreeningResult r = mothers(PBQ, byPosition(PBQ, positions));
        assertThat(r.scale("pbq.scale-4").orElseThrow().score()).isEqualTo(1);
        assertThat(r.urgent()).isFalse();
    }

    /** EPDS option positions 0-3 top to bottom: items 1, 2, 4 score 0..3; items 3, 5-10 score 3..0. */
    @Test
    void epdsFirstOptionsEverywhere() {
        ScreeningResult r = mothers(EPDS, all(EPDS, 0));
        // 7 reversed items x 3 = 21; EPDS-3A = item 3 (3) + item 4 (0) + item 5 (3) = 6.
        assertThat(scores(r)).containsExactly(21, 6);
        assertThat(r.urgent()).isTrue();
        assertThat(r.reasonCodes()).containsExactly("epds-item10-above-zero");
    }

    @Test
    void epdsLastOptionsEverywhere() {
        ScreeningResult r = mothers(EPDS, all(EPDS, 3));
        // Items 1, 2, 4 score 3 each = 9; EPDS-3A = 0 + 3 + 0 = 3; item 10 last option = 0.
        assertThat(scores(r)).containsExactly(9, 3);
        assertThat(r.urgent()).isFalse();
    }

    @Test
    void epdsMinimumAndMaximum() {
        assertThat(scores(mothers(EPDS, byPosition(EPDS, 0, 0, 3, 0, 3, 3, 3, 3, 3, 3)))).containsExactly(0, 0);
        ScreeningResult max = mothers(EPDS, byPosition(EPDS, 3, 3, 0, 3, 0, 0, 0, 0, 0, 0));
        assertThat(scores(max)).containsExactly(30, 9);
        assertThat(max.urgent()).isTrue();
    }

    static Stream<Arguments> epdsCutOffs() {
        // positions giving totals: items 1, 2, 4 forward; the rest reversed (position 3 = 0).
        return Stream.of(
                Arguments.of(new int[]{3, 3, 3, 0, 3, 3, 3, 3, 3, 3}, 6, CutOffGroup.MOTHERS, false, false),
                Arguments.of(new int[]{3, 3, 3, 1, 3, 3, 3, 3, 3, 3}, 7, CutOffGroup.FATHERS, true, false),
                Arguments.of(new int[]{3, 3, 3, 0, 3, 3, 3, 3, 3, 3}, 6, CutOffGroup.FATHERS, false, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 2, 3, 3, 3, 3}, 10, CutOffGroup.MOTHERS, false, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 1, 3, 3, 3, 3}, 11, CutOffGroup.MOTHERS, true, false),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 1, 3, 3, 3, 3}, 11, CutOffGroup.FATHERS, true, true),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 0, 2, 3, 3, 3}, 13, CutOffGroup.MOTHERS, true, true),
                Arguments.of(new int[]{3, 3, 3, 3, 3, 0, 3, 3, 3, 3}, 12, CutOffGroup.MOTHERS, true, false));
    }

    @ParameterizedTest
    @MethodSource("epdsCutOffs")
    void epdsCutOffsDifferForMothersAndFathers(int[] positions, int total, CutOffGroup group, boolean possible, boolean probable) {
        ScreeningResult r = ScoringEngine.score(EPDS, byPosition(EPDS, positions), group);
        assertThat(r.main().score()).isEqualTo(total);
        assertThat(r.cutOffGroup()).isEqualTo(group);
        assertThat(r.main().cutOffs()).extracting(CutOffResult::key).containsExactly("possible", "probable");
        assertThat(r.main().cutOffs().get(0).reached()).isEqualTo(possible);
        assertThat(r.main().cutOffs().get(1).reached()).isEqualTo(probable);
        assertThat(r.main().cutOffs().get(0).atLeast()).isEqualTo(group == CutOffGroup.MOTHERS ? 11 : 7);
        assertThat(r.main().cutOffs().get(1).atLeast()).isEqualTo(group == CutOffGroup.MOTHERS ? 13 : 11);
    }

    @Test
    void epds3aAnxietyAtItsCutOff() {
        // Item 3 position 1 (2), item 4 position 3 (3), item 5 position 3 (0): 3A = 5.
        ScreeningResult r = mothers(EPDS, byPosition(EPDS, 0, 0, 1, 3, 3, 3, 3, 3, 3, 3));
        ScaleScore anxiety = r.scale("epds.anxiety-3a").orElseThrow();
        assertThat(anxiety.score()).isEqualTo(5);
        assertThat(anxiety.cutOffs()).extracting(CutOffResult::atLeast, CutOffResult::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, true), org.assertj.core.groups.Tuple.tuple(4, true));
        // Items 1, 2 first options (0), items 6-10 last options (0): the total is the 3A score alone.
        assertThat(r.main().score()).isEqualTo(5);
    }

    @Test
    void unansweredItemsMakeTheResultIncompleteButNeverHideASafetyAnswer() {
        Map<String, String> answers = new LinkedHashMap<>(byPosition(PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 2));
        answers.remove("phq9-3");
        ScreeningResult r = mothers(PHQ9, answers);
        assertThat(r.complete()).isFalse();
        assertThat(r.unanswered()).containsExactly("phq9-3");
        assertThat(r.main().score()).isNull();
        assertThat(r.main().band()).isNull();
        assertThat(r.main().cutOffs()).allSatisfy(c -> assertThat(c.reached()).isNull());
        assertThat(r.urgent()).isTrue();
        Reading reading = Interpretation.of(PHQ9, r);
        assertThat(reading.headline()).startsWith("We can't give a score");
        assertThat(reading.nextSteps()).anySatisfy(s -> assertThat(s).contains("thoughts of hurting yourself").contains("Please tell someone today"));
    }

    @Test
    void aPartialPbqScale4AtTheCutOffIsAlreadyUrgent() {
        Map<String, String> answers = Map.of("pbq-18", "pbq-sometimes");
        ScreeningResult r = mothers(PBQ, answers);
        assertThat(r.complete()).isFalse();
        assertThat(r.scale("pbq.scale-4").orElseThrow().score()).isNull();
        assertThat(r.urgent()).isTrue();
    }

    @Test
    void theUnscoredDifficultyQuestionChangesNoScore() {
        Map<String, String> answers = new LinkedHashMap<>(all(PHQ9, 1));
        ScreeningResult without = mothers(PHQ9, answers);
        answers.put("phq9-difficulty", "extremely");
        ScreeningResult with = mothers(PHQ9, answers);
        assertThat(with.main().score()).isEqualTo(without.main().score()).isEqualTo(9);
        assertThat(with.itemScores()).doesNotContainKey("phq9-difficulty");
    }

    @Test
    void unknownQuestionsAndAnswersAreRefusedWithTheFieldAtFault() {
        Map<String, String> unknown = new LinkedHashMap<>(all(PHQ9, 0));
        unknown.put("phq9-10", "LA6568-5");
        assertThatThrownBy(() -> mothers(PHQ9, unknown)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("answers.phq9-10"));
        Map<String, String> outOfRange = new LinkedHashMap<>(all(PHQ9, 0));
        outOfRange.put("phq9-2", "LA9999-9");
        assertThatThrownBy(() -> mothers(PHQ9, outOfRange)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("question 2")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("answers.phq9-2"));
        assertThatThrownBy(() -> mothers(PHQ9, Map.of("phq9-instructions", "x"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mothers(PHQ9, Map.of("<script>", "x"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("answers"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("<script>"));
    }

    @Test
    void readingsNeverDiagnoseAndNameTheResult() {
        Reading low = Interpretation.of(PHQ9, mothers(PHQ9, all(PHQ9, 0)));
        assertThat(low.headline()).isEqualTo("Your answers don't suggest depression at the moment.");
        assertThat(low.concern()).isFalse();
        assertThat(low.nextSteps()).contains(Interpretation.NOT_A_DIAGNOSIS, Interpretation.TRUST_YOURSELF);
        Reading high = Interpretation.of(PHQ9, mothers(PHQ9, byPosition(PHQ9, 2, 2, 2, 2, 2, 0, 0, 0, 0)));
        assertThat(high.headline()).isEqualTo("Your answers suggest you may be depressed.");
        assertThat(high.details()).contains("Your score is 10 out of 27 (moderate).");
        assertThat(high.nextSteps()).contains(Interpretation.NOT_A_DIAGNOSIS);
        Reading pbq = Interpretation.of(PBQ, mothers(PBQ, all(PBQ, 0)));
        assertThat(pbq.headline()).contains("bonding with your baby may be difficult");
        assertThat(pbq.nextSteps().getFirst()).contains("harming your baby").contains("Please tell someone today");
        for (Instrument i : INSTRUMENTS.offered()) {
            for (int p = 0; p < 4; p++) {
                Reading r = Interpretation.of(i, mothers(i, all(i, p)));
                assertThat(String.join(" ", r.details()) + r.headline()).doesNotContainIgnoringCase("you have depression")
                        .doesNotContainIgnoringCase("you are depressed").doesNotContainIgnoringCase("diagnosed");
            }
        }
    }

    private static List<Integer> scores(ScreeningResult r) {
        return r.scales().stream().map(ScaleScore::score).toList();
    }
}
