package app.village.understanding.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import app.village.understanding.Evidence;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.RuleAnalyzer;

/**
 * Does a sentence encoder earn its place in the learned readers? The same annotated posts are
 * cross-validated three times: words and lexicon findings alone; with the quantized
 * all-MiniLM-L6-v2 vector of each sentence; with the quantized bge-small-en-v1.5 vector. Prints
 * macro-F1, urgent recall and precision, and each encoder's sentences per second on this machine.
 *
 * <pre>./mvnw -B verify -Dtest=EncoderComparisonBench -Dvillage.bench=true -Dsurefire.failIfNoSpecifiedTests=false [-Dposts=600]</pre>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "village.bench", matches = "true")
class EncoderComparisonBench {

    @Test
    void compareEncoders() {
        int posts = Integer.getInteger("posts", 600);
        List<AnnotatedText> all = new ArrayList<>(AnnotatedCorpus.load(Path.of("training/understanding")));
        Collections.shuffle(all, new Random(TrainCommand.SEED));
        List<AnnotatedText> texts = all.subList(0, Math.min(posts, all.size()));
        RuleAnalyzer lexicon = new RuleAnalyzer();
        List<ReaderTrainer.Item> plain = texts.parallelStream()
                .map(t -> new ReaderTrainer.Item(t, LearnedAnalyzer.prepare(new TextToAnalyze(t.text(), t.title(), null, null), lexicon, app.village.understanding.core.TextEncoding.NONE)))
                .toList();
        int sentences = plain.stream().mapToInt(i -> i.prepared().sentences().size()).sum();
        ReaderTrainer.Options options = ReaderTrainer.Options.standard(TrainCommand.SEED);
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("words+lexicon", line(CrossValidation.run(plain, 5, options), 0));
        Map<String, EmbeddingModel> encoders = new LinkedHashMap<>();
        encoders.put("+all-MiniLM-L6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel(Executors.newFixedThreadPool(2)));
        encoders.put("+bge-small-en-v1.5-q", new BgeSmallEnV15QuantizedEmbeddingModel(Executors.newFixedThreadPool(2)));
        encoders.forEach((name, encoder) -> {
            long started = System.nanoTime();
            List<ReaderTrainer.Item> embedded = plain.stream().map(i -> withVectors(i, encoder)).toList();
            double perSecond = sentences / ((System.nanoTime() - started) / 1e9);
            lines.put(name, line(CrossValidation.run(embedded, 5, options), perSecond));
        });
        System.out.printf("ENCODERS %d posts, %d sentences, 5-fold CV grouped by post, %d cores%n", texts.size(), sentences,
                Runtime.getRuntime().availableProcessors());
        lines.forEach((name, l) -> System.out.printf("ENCODERS %-22s %s%n", name, l));
        assertThat(lines).hasSize(3);
    }

    private static String line(CrossValidation.Result r, double sentencesPerSecond) {
        return String.format("macro-F1 %.3f  urgent recall %.3f  urgent precision %.3f  role %.3f%s", r.evaluation().macroF1(),
                r.evaluation().urgentRecall(), r.evaluation().urgentPrecision(), r.evaluation().roleAccuracy(),
                sentencesPerSecond == 0 ? "" : String.format("  encoder %.0f sentences/s", sentencesPerSecond));
    }

    private static ReaderTrainer.Item withVectors(ReaderTrainer.Item item, EmbeddingModel encoder) {
        List<TextSegment> segments = item.prepared().sentences().stream().map(Evidence::text)
                .map(s -> TextSegment.from(s.isBlank() ? "." : s.length() > 1400 ? s.substring(0, 1400) : s)).toList();
        List<dev.langchain4j.data.embedding.Embedding> vectors = encoder.embedAll(segments).content();
        List<Map<String, Float>> features = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Map<String, Float> f = new LinkedHashMap<>(item.prepared().features().get(i));
            float[] v = vectors.get(i).vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < v.length; d++) {
                f.put("e:" + d, (float) (v[d] / Math.sqrt(norm)));
            }
            features.add(f);
        }
        LearnedAnalyzer.Prepared p = item.prepared();
        return new ReaderTrainer.Item(item.text(), new LearnedAnalyzer.Prepared(p.input(), p.sentences(), features, p.textFeatures(),
                p.heard(), p.normalisedWhole()));
    }
}
