package app.village.understanding;

import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;


/** Builds the analyser Village uses: the learned readers shipped with the application, with the lexicon among their signals. */
public final class Analyzers {

    private Analyzers() {
    }

    /**
     * Loads the shipped model (a fraction of a second) and returns the analyser. Fails with the
     * file's name and how to rebuild it when the model is missing or damaged: Village never reads
     * posts with nothing.
     *
     * @param threads unused since the readers are linear; kept so callers need not change
     */
    public static Analyzer standard(int threads) {
        return new LearnedAnalyzer(ReaderModel.shipped());
    }
}
