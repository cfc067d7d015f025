package app.village.understanding.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import app.village.understanding.Analyzer;
import app.village.understanding.TextEmbedder;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;

@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    /**
     * The learned readers, loaded while Village starts (not lazily): a missing or damaged model file
     * stops the start with the file's name and how to rebuild it, rather than reading posts with nothing.
     */
    @Bean
    ReaderModel readerModel() {
        return ReaderModel.shipped();
    }

    @Bean
    Analyzer analyzer(ReaderModel model) {
        return new LearnedAnalyzer(model);
    }

    /** Whole texts as vectors for similar stories, on the shared sentence encoder (see SharedModel for where and when it loads). */
    @Bean
    @Lazy
    TextEmbedder textEmbedder(SharedModel model) {
        return model::embedWhole;
    }
}
