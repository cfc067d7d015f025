package app.village.understanding.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

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
}
