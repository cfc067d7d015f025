package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import app.village.understanding.Insight;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;

/**
 * How the model's similarity is combined with the lexicon, with an embedder whose answers the test
 * controls (the real model is exercised by the development-set and integration tests).
 */
class CorroborationTest {

    /** Every text gets the same vector, so every example is a perfect match; counts the texts asked about. */
    private static final class SameMeaning implements SentenceEmbedder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public float[][] embed(List<String> sentences) {
            texts.addAndGet(sentences.size());
            float[][] out = new float[sentences.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[]{1f, 0f};
            }
            return out;
        }
    }

    @Test
    void aThemeTheLexiconIsUnsureOfIsConfirmedByAMatchingMeaning() {
        String text = "The baby was crying when I got home from the shops.";
        assertThat(new RuleAnalyzer().analyze(TextToAnalyze.of(text)).has(Theme.INFANT_CRYING)).isFalse();
        Insight insight = new RuleAnalyzer(new SemanticMatcher(new SameMeaning())).analyze(TextToAnalyze.of(text));
        assertThat(insight.has(Theme.INFANT_CRYING)).isTrue();
        assertThat(insight.themes().get(0).evidence().get(0).text()).isEqualTo(text);
    }

    @Test
    void theModelNeverAddsAThemeTheLexiconDidNotHearAndIsNotAskedWhenNothingIsUnsure() {
        SameMeaning embedder = new SameMeaning();
        RuleAnalyzer analyzer = new RuleAnalyzer(new SemanticMatcher(embedder));
        int examples = embedder.texts.get();
        Insight plain = analyzer.analyze(TextToAnalyze.of("We went to the park and fed the ducks."));
        assertThat(plain.themes()).isEmpty();
        Insight clear = analyzer.analyze(TextToAnalyze.of("I don't feel any bond with him at all."));
        assertThat(clear.has(Theme.BONDING_DIFFICULTY)).isTrue();
        assertThat(embedder.texts.get()).as("no text was sent to the model").isEqualTo(examples);
    }

    @Test
    void negatedSentencesAreNotSentToTheModel() {
        SameMeaning embedder = new SameMeaning();
        RuleAnalyzer analyzer = new RuleAnalyzer(new SemanticMatcher(embedder));
        int examples = embedder.texts.get();
        Insight insight = analyzer.analyze(TextToAnalyze.of("She was not crying at all today, so calm."));
        assertThat(insight.has(Theme.INFANT_CRYING)).isFalse();
        assertThat(embedder.texts.get()).isEqualTo(examples);
    }
}
