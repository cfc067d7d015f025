package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import app.village.support.RandomText;
import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.TextToAnalyze;

/** Any string at all gives a valid, deterministic insight whose evidence points into the text. */
class AnalyzerPropertiesTest {

    private static final RuleAnalyzer ANALYZER = new RuleAnalyzer();

    @Test
    void anyTextGivesValidDeterministicOutput() {
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            String text = RandomText.next(random, 80);
            Insight first = ANALYZER.analyze(TextToAnalyze.of(text));
            assertValid(text, first);
            assertThat(ANALYZER.analyze(TextToAnalyze.of(text))).isEqualTo(first);
        }
    }

    @Test
    void emptyAndNullTextsGiveAnEmptyInsight() {
        assertThat(ANALYZER.analyze(TextToAnalyze.of("")).themes()).isEmpty();
        assertThat(ANALYZER.analyze(TextToAnalyze.of(null)).themes()).isEmpty();
    }

    @Test
    void aMegabyteOfTextIsAnalysedWithoutFailing() {
        StringBuilder b = new StringBuilder();
        Random random = new Random(11);
        while (b.length() < 1_000_000) {
            b.append(RandomText.next(random, 40)).append(random.nextInt(5) == 0 ? "\n" : ". ");
        }
        String text = b.toString();
        Insight insight = ANALYZER.analyze(TextToAnalyze.of(text));
        assertValid(text, insight);
    }

    private static void assertValid(String text, Insight insight) {
        assertThat(insight.riskLevel()).isNotNull();
        assertThat(insight.writerRole()).isNotNull();
        assertThat(insight.subject()).isNotNull();
        insight.themes().forEach(t -> {
            assertThat(t.confidence()).isBetween(0.5, 1.0);
            assertThat(t.evidence()).isNotEmpty();
            t.evidence().forEach(e -> assertPointsInto(text, e));
        });
        insight.riskReasons().forEach(r -> assertPointsInto(text, r.evidence()));
        if (insight.riskLevel().ordinal() > 0) {
            assertThat(insight.riskReasons()).isNotEmpty();
        }
    }

    private static void assertPointsInto(String text, Evidence e) {
        assertThat(e.start()).isBetween(0, text.length());
        assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
}
