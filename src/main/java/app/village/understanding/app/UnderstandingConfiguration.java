package app.village.understanding.app;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import app.village.platform.BackgroundThreads;
import app.village.understanding.Analyzer;
import app.village.understanding.TextEmbedder;
import app.village.understanding.core.HybridAnalyzer;
import app.village.understanding.core.ReaderModel;
import app.village.understanding.core.RuleAnalyzer;
import app.village.understanding.core.SemanticMatcher;

/**
 * The analyser that reads posts is the lexicon corroborated by the sentence encoder (ADR 0006),
 * checked by the learned readers of ADR 0015 (ADR 0019: they may overrule its findings of themes that
 * are not urgent signs, never an urgent sign).
 */
@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    /** The analyser of Analyzers.standard, on the shared models (see SharedModel for where and when the encoder loads). */
    @Bean
    @Lazy
    Analyzer analyzer(SharedModel model, ReaderModel readers) {
        return new HybridAnalyzer(new RuleAnalyzer(new SemanticMatcher(model)), readers, model);
    }

    /**
     * The learned readers, loaded once at start-up: a missing or damaged file stops Village there, with
     * the file's name and the command that rebuilds it, rather than at the first post.
     */
    @Bean
    ReaderModel readerModel() {
        return ReaderModel.shipped();
    }

    @Bean
    @Lazy
    TextEmbedder textEmbedder(SharedModel model) {
        return model::embedWhole;
    }

    /**
     * Two platform threads for the readings of urgent-looking texts ({@link UrgentFirst}), so they never
     * queue behind a burst on the shared threads. Platform, not virtual: the model runs native code that
     * would pin a virtual thread's carrier. The DataSource parameter orders its stop before the pool's.
     */
    @Bean(name = UrgentFirst.EXECUTOR)
    ThreadPoolTaskExecutor urgentReadingExecutor(DataSource dataSource) {
        // A refused task loses nothing: the usual reading on the shared threads follows.
        return BackgroundThreads.fixed("urgent-reading-", 2);
    }

    /** One thread that lets the lexicon look at each new text for urgent signs ({@link UrgentFirst}): milliseconds a text. */
    @Bean(name = UrgentFirst.TRIAGE)
    ThreadPoolTaskExecutor triageExecutor(DataSource dataSource) {
        return BackgroundThreads.fixed("triage-", 1);
    }
}
