package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;

/**
 * The decision on a small model built by hand, so each rule of it is seen on its own: the post
 * reader decides whether a theme is there, the sentence reader picks the sentences cited, and the
 * lexicon's flag counts only above its floor.
 */
class LearnedAnalyzerTest {

    private static final String TEXT = "We went to the park today. I feel so sad all the time. "
            + "Sometimes I think everyone would be better off without me.";

    /** "sad" makes the post and its sentence low mood; self-harm's readers say nothing, so only the lexicon can raise it. */
    private static ReaderModel model(double selfHarmFloor) {
        Map<String, Integer> vocabulary = new HashMap<>();
        vocabulary.put("w:sad", 0);
        vocabulary.put("w:park", 1);
        Map<String, LinearHead> heads = new LinkedHashMap<>();
        Map<Theme, Double> thresholds = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            float sad = t == Theme.PERINATAL_DEPRESSION ? 8f : 0f;
            heads.put(ReaderModel.postHead(t), new LinearHead(ReaderModel.postHead(t), List.of("yes"), new float[] {-4f},
                    new float[][] {{sad, 0f}}));
            heads.put(ReaderModel.themeHead(t), new LinearHead(ReaderModel.themeHead(t), List.of("yes"), new float[] {-4f},
                    new float[][] {{sad, 0f}}));
            thresholds.put(t, 0.5);
        }
        heads.put(ReaderModel.PERSON_HEAD, new LinearHead(ReaderModel.PERSON_HEAD, List.of("writer", "partner"),
                new float[] {1f, -1f}, new float[][] {{0f, 0f}, {0f, 0f}}));
        heads.put(ReaderModel.ROLE_HEAD, new LinearHead(ReaderModel.ROLE_HEAD, List.of("mother", "unknown"),
                new float[] {-1f, 1f}, new float[][] {{0f, 0f}, {0f, 0f}}));
        Map<Theme, Double> floors = new EnumMap<>(Theme.class);
        floors.put(Theme.SELF_HARM, selfHarmFloor);
        return new ReaderModel(vocabulary, heads, thresholds, floors, Map.of("trained", "test"));
    }

    @Test
    void thePostReaderDecidesAndTheSentenceReaderPicksTheEvidence() {
        Insight insight = new LearnedAnalyzer(model(1.01), null).analyze(TextToAnalyze.of(TEXT));
        ThemeFinding mood = insight.themes().stream().filter(f -> f.theme() == Theme.PERINATAL_DEPRESSION).findFirst().orElseThrow();
        assertThat(mood.person()).isEqualTo(Person.WRITER);
        assertThat(mood.evidence()).hasSize(1);
        assertThat(mood.evidence().get(0).text()).isEqualTo("I feel so sad all the time.");
        assertThat(TEXT.substring(mood.evidence().get(0).start(), mood.evidence().get(0).end())).isEqualTo("I feel so sad all the time.");
        assertThat(insight.has(Theme.SELF_HARM)).as("the lexicon's flag is overruled when its floor is above every probability").isFalse();
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void theLexiconsUrgentFlagCountsAboveItsFloorWithItsOwnSentence() {
        Insight insight = new LearnedAnalyzer(model(0.0), null).analyze(TextToAnalyze.of(TEXT));
        ThemeFinding selfHarm = insight.themes().stream().filter(f -> f.theme() == Theme.SELF_HARM).findFirst().orElseThrow();
        assertThat(selfHarm.evidence().get(0).text()).contains("better off without me");
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
        assertThat(insight.riskReasons()).anyMatch(r -> r.code().equals("self_harm"));
    }

    @Test
    void theExplanationHasEverySentenceWithItsProbabilities() {
        LearnedAnalyzer.Reading reading = new LearnedAnalyzer(model(1.01), null).read(TextToAnalyze.of(TEXT));
        assertThat(reading.sentences()).hasSize(3);
        assertThat(reading.sentences().get(1).probabilities().get(Theme.PERINATAL_DEPRESSION)).isGreaterThan(0.9);
        assertThat(reading.sentences().get(0).probabilities().get(Theme.PERINATAL_DEPRESSION)).isLessThan(0.1);
        assertThat(reading.posts().get(Theme.PERINATAL_DEPRESSION)).isGreaterThan(0.9);
    }

    @Test
    void aGivenRoleIsKeptAndTheSameTextAlwaysGivesTheSameReading() {
        LearnedAnalyzer analyzer = new LearnedAnalyzer(model(0.0), null);
        Insight first = analyzer.analyze(new TextToAnalyze(TEXT, null, app.village.understanding.WriterRole.FATHER, 4));
        Insight second = analyzer.analyze(new TextToAnalyze(TEXT, null, app.village.understanding.WriterRole.FATHER, 4));
        assertThat(first).isEqualTo(second);
        assertThat(first.writerRole()).isEqualTo(app.village.understanding.WriterRole.FATHER);
        assertThat(first.writerRoleGiven()).isTrue();
        assertThat(first.childAgeMonths()).isEqualTo(4);
    }

    /** A stand-in encoder: "sad" sentences point one way, others another (the real one is measured by the benches). */
    private static final SentenceEmbedder TWO_WAY = sentences -> sentences.stream()
            .map(s -> s.contains("sad") ? new float[] {1f, 0f} : new float[] {0f, 1f}).toArray(float[][]::new);

    @Test
    void aModelTrainedWithAnEncoderReadsTheMeanOfTheSentenceVectorsAndRefusesToReadWithoutOne() {
        Map<String, Integer> vocabulary = new HashMap<>(Map.of("E:0", 0, "E:1", 1));
        Map<String, LinearHead> heads = new LinkedHashMap<>(model(1.01).heads());
        // Only the text vector's first dimension (the "sad" direction) makes the post low mood.
        heads.put(ReaderModel.postHead(Theme.PERINATAL_DEPRESSION), new LinearHead(ReaderModel.postHead(Theme.PERINATAL_DEPRESSION),
                List.of("yes"), new float[] {-4f}, new float[][] {{3f, 0f}}));
        Map<String, String> about = new LinkedHashMap<>(Map.of("trained", "test"));
        new TextEncoding(TextEncoding.MINILM, null, 4f, 0f).describe(about);
        ReaderModel model = new ReaderModel(vocabulary, heads, model(1.01).thresholds(), Map.of(), about);

        assertThat(model.encoding().used()).isTrue();
        assertThat(model.encoding().textScale()).isEqualTo(4f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LearnedAnalyzer(model, null))
                .isInstanceOf(ReaderModelException.class).hasMessageContaining(TextEncoding.MINILM);

        LearnedAnalyzer analyzer = new LearnedAnalyzer(model, TWO_WAY);
        // Mean of (1,0) and (0,1) normalised is (0.71, 0.71); times 4: 2.83 * 3 - 4 > 0, so the post shows low mood.
        assertThat(analyzer.read(TextToAnalyze.of("I feel so sad. We went to the park.")).posts().get(Theme.PERINATAL_DEPRESSION))
                .isGreaterThan(0.9);
        assertThat(analyzer.read(TextToAnalyze.of("We went to the park. It was sunny.")).posts().get(Theme.PERINATAL_DEPRESSION))
                .isLessThan(0.05);
    }
}
