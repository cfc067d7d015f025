package app.village.understanding.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import app.village.understanding.Analyzer;
import app.village.understanding.Analyzers;

@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    /** Loaded on first use, so the model's second of loading never delays the first page. */
    @Bean
    @Lazy
    Analyzer analyzer() {
        // One thread per call: concurrency comes from the many posts read at once.
        return Analyzers.standard(1);
    }
}
