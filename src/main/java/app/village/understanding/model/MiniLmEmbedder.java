package app.village.understanding.model;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import app.village.understanding.core.SentenceEmbedder;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) running in this process through ONNX Runtime: the
 * model and its tokenizer ship inside a Maven artifact, so nothing is downloaded at run time.
 * Thread-safe; one instance per process is enough.
 */
public final class MiniLmEmbedder implements SentenceEmbedder, AutoCloseable {

    public static final int DIMENSIONS = 384;
    private static final int MAX_CHARS = 1_400;

    private final ExecutorService executor;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final int threads;

    /**
     * @param threads how many threads one call may spread its texts over; 1 runs every text in the
     *                calling thread, which is best when several callers analyse texts at once
     */
    public MiniLmEmbedder(int threads) {
        this.threads = Math.max(1, threads);
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "minilm");
            t.setDaemon(true);
            return t;
        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    @Override
    public float[][] embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return new float[0][];
        }
        // The model reads at most 256 word pieces; very long run-on "sentences" are cut to keep the cost bounded.
        List<TextSegment> segments = sentences.stream()
                .map(s -> TextSegment.from(s.isBlank() ? "." : s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s))
                .toList();
        List<Embedding> embeddings = threads == 1 || segments.size() == 1
                ? segments.stream().map(segment -> model.embed(segment).content()).toList()
                : model.embedAll(segments).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalise(embeddings.get(i).vector());
        }
        return out;
    }

    /**
     * The whole text through the model once, however long (the model's encoder splits texts over
     * 510 word pieces into parts and averages them): the cost floor the analysis is compared with.
     */
    public float[] embedWhole(String text) {
        return normalise(model.embed(text.isBlank() ? "." : text).content().vector());
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
