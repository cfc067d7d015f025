package app.village.understanding;

import app.village.understanding.model.MiniLmEmbedder;

/** Text embedders for programs that run without the application context (benchmarks, commands). */
public final class Embeddings {

    private Embeddings() {
    }

    /**
     * Loads the model (about a second). In the application, inject the {@link TextEmbedder} bean
     * instead: it shares the one model already loaded for the analysis.
     *
     * @param threads how many threads one call may use; 1 runs in the caller's thread, best when many call at once
     */
    public static TextEmbedder miniLm(int threads) {
        return new MiniLmEmbedder(threads)::embedWhole;
    }
}
