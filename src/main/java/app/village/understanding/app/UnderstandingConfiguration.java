package app.village.understanding.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import app.village.understanding.Analyzer;
import app.village.understanding.TextEmbedder;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;
import app.village.understanding.model.MiniLmEmbedder;

@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    /**
     * The one model of the process, shared by the analysis and by whoever embeds whole texts.
     * Loaded on first use, so its second of loading never delays the first page. One thread per
     * call: concurrency comes from the many posts read at once.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    MiniLmEmbedder miniLmEmbedder() {
        return new MiniLmEmbedder(1);
    }

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

    @Bean
    @Lazy
    TextEmbedder textEmbedder(MiniLmEmbedder model) {
        return text -> model.embedWhole(text);
    }
}
