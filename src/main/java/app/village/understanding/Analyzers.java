package app.village.understanding;

import app.village.understanding.core.HybridAnalyzer;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;
import app.village.understanding.core.RuleAnalyzer;
import app.village.understanding.core.SemanticMatcher;
import app.village.understanding.model.MiniLmEmbedder;

/** Builds the analyser Village uses: the lexicon together with the in-process model. */
public final class Analyzers {

    private Analyzers() {
    }

    /**
     * The lexicon with the encoder's similarity to curated examples, checked by the learned readers (ADR 0019).
     *
     * @param threads how many threads the model may use for one text (the machine's cores is a good default)
     */
    public static Analyzer standard(int threads) {
        MiniLmEmbedder encoder = new MiniLmEmbedder(threads);
        return new HybridAnalyzer(new RuleAnalyzer(new SemanticMatcher(encoder)), ReaderModel.shipped(), encoder);
    }

    /** The lexicon with the encoder's similarity, not checked by the learned readers: for comparison. */
    public static Analyzer lexicon(int threads) {
        return new RuleAnalyzer(new SemanticMatcher(new MiniLmEmbedder(threads)));
    }

    /** The learned readers of the shipped model file, with the sentence encoder they were trained with. */
    public static LearnedAnalyzer learned(int threads) {
        ReaderModel model = ReaderModel.shipped();
        return new LearnedAnalyzer(model, model.encoding().used() ? new MiniLmEmbedder(threads) : null);
    }
}
