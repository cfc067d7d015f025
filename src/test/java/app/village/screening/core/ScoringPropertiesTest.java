package app.village.screening.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.village.platform.InvalidInputException;
import app.village.screening.ScreeningFixtures;
import app.village.screening.domain.Instruments;
import app.village.support.RandomText;

/** Properties of the scoring over seeded random answer sets (the same seed gives the same cases). */
class ScoringPropertiesTest {

    private static final Instruments INSTRUMENTS = ScreeningFixtures.instruments();
    private static final int CASES = 500;

    @Test
    void anyValidAnswerSetScoresWithinRangeAndTotalsAreSumsOfItems() {
        Random random = new Random(20261202L);
        for (Instrument instrument : INSTRUMENTS.offered()) {
            for (int n = 0; n < CASES; n++) {
                Map<String, String> answers = ScreeningFixtures.random(instrument, random);
                for (CutOffGroup group : CutOffGroup.values()) {
                    ScreeningResult r = ScoringEngine.score(instrument, answers, group);
                    assertThat(r.complete()).isTrue();
                    for (ScaleScore s : r.scales()) {
                        assertThat(s.score()).as(instrument.id() + " " + s.code()).isBetween(s.min(), s.max());
                        ScaleRule rule = instrument.rules().scale(s.code()).orElseThrow();
                        int sum = rule.items().stream().mapToInt(i -> r.itemScores().get(instrument.item(i).linkId())).sum();
                        assertThat(s.score()).isEqualTo(sum);
                        for (CutOffResult c : s.cutOffs()) {
                            assertThat(c.reached()).isEqualTo(s.score() >= c.atLeast());
                        }
                    }
                    assertThat(r.main().score()).isEqualTo(r.itemScores().values().stream().mapToInt(Integer::intValue).sum());
                    boolean expectedUrgent = switch (instrument.id()) {
                        case "phq-9" -> r.itemScores().get("phq9-9") > 0;
                        case "epds" -> r.itemScores().get("epds-10") > 0;
                        case "pbq" -> r.itemScores().get("pbq-18") + r.itemScores().get("pbq-24") >= 2;
                        default -> false;
                    };
                    assertThat(r.urgent()).as(instrument.id() + " urgent for " + answers).isEqualTo(expectedUrgent);
                }
            }
        }
    }

    @Test
    void choosingTheMirroredOptionOfAnItemInvertsItsScore() {
        Random random = new Random(7L);
        for (Instrument instrument : INSTRUMENTS.offered()) {
            for (int n = 0; n < CASES; n++) {
                Map<String, String> answers = ScreeningFixtures.random(instrument, random);
                Question q = instrument.scoredQuestions().get(random.nextInt(instrument.scoredQuestions().size()));
                int k = q.options().indexOf(q.option(answers.get(q.linkId())).orElseThrow());
                int before = ScoringEngine.score(instrument, answers, CutOffGroup.MOTHERS).main().score();
                int itemBefore = q.options().get(k).score();
                Map<String, String> mirrored = new LinkedHashMap<>(answers);
                mirrored.put(q.linkId(), q.options().get(q.options().size() - 1 - k).code());
                int after = ScoringEngine.score(instrument, mirrored, CutOffGroup.MOTHERS).main().score();
                assertThat(after - before).isEqualTo((q.maxScore() - itemBefore) - itemBefore);
            }
        }
    }

    @Test
    void reversedItemsAreExactlyThePublishedOnes() {
        assertThat(reversed(INSTRUMENTS.get("epds"))).containsExactly(3, 5, 6, 7, 8, 9, 10);
        assertThat(reversed(INSTRUMENTS.get("pbq"))).containsExactly(2, 3, 5, 6, 7, 10, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24);
        assertThat(reversed(INSTRUMENTS.get("phq-9"))).isEmpty();
        assertThat(reversed(INSTRUMENTS.get("gad-7"))).isEmpty();
    }

    @Test
    void aQuestionnaireWhoseOptionOrderIsReversedNoLongerMatchesItsRulesAndIsRefused() throws IOException {
        String json = Files.readString(Path.of("src/main/resources/screening/questionnaires/epds.json"));
        // Swap the first and last options of item 3: the ordinalValues no longer follow the published order.
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(json);
        tools.jackson.databind.node.ArrayNode options = (tools.jackson.databind.node.ArrayNode) root.get("item").get(3).get("answerOption");
        tools.jackson.databind.JsonNode first = options.get(0);
        options.set(0, options.get(3));
        options.set(3, first);
        ScoringRules rules = PublishedRules.epds(new PublishedRules.EpdsCutOffs(11, "", 13, ""), new PublishedRules.EpdsCutOffs(7, "", 11, ""));
        assertThatThrownBy(() -> QuestionnaireReader.read(mapper.writeValueAsString(root), rules, "EPDS"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epds-3 option 1 scores 0 but the published score is 3");
        String tampered = Files.readString(Path.of("src/main/resources/screening/questionnaires/phq-9.json"))
                .replaceFirst("\"valueDecimal\": 3", "\"valueDecimal\": 4");
        assertThatThrownBy(() -> QuestionnaireReader.read(tampered, PublishedRules.phq9(), "PHQ-9"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("phq9-1 option 4 scores 4");
    }

    @Test
    void randomJunkIsAlwaysAClearInvalidInputAndNeverAnythingElse() {
        Random random = new Random(99L);
        Instrument phq9 = INSTRUMENTS.get("phq-9");
        for (int n = 0; n < CASES; n++) {
            Map<String, String> answers = new LinkedHashMap<>(ScreeningFixtures.random(phq9, random));
            if (random.nextBoolean()) {
                answers.put(RandomText.next(random, 6) + "x", "LA6568-5");
            } else {
                answers.put("phq9-" + (1 + random.nextInt(9)), RandomText.next(random, 6) + "x");
            }
            assertThatThrownBy(() -> ScoringEngine.score(phq9, answers, CutOffGroup.MOTHERS))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).startsWith("answers"));
        }
    }

    private static List<Integer> reversed(Instrument instrument) {
        return instrument.scoredQuestions().stream().map(Question::number).filter(instrument.rules()::reversed).toList();
    }
}
