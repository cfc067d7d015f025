package app.village.understanding.app;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import app.village.platform.BackgroundThreads;
import app.village.understanding.Analyzer;
import app.village.understanding.TextEmbedder;
import app.village.understanding.core.RuleAnalyzer;
import app.village.understanding.core.SemanticMatcher;

/**
 * The analyser that reads posts is the lexicon corroborated by the sentence encoder (ADR 0006).
 * The learned readers of ADR 0015 are trained and measured but not on this path yet: on the team's
 * regression set they raise a fifth of calm texts (see the model card).
 */
@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    /** The analyser of Analyzers.standard, on the shared model (see SharedModel for where and when it loads). */
    @Bean
    @Lazy
    Analyzer analyzer(SharedModel model) {
        return new RuleAnalyzer(new SemanticMatcher(model));
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
