package app.village.guidance.web;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

import app.village.guidance.library.GuideLibrary;
import app.village.guidance.matching.LibraryGuidance;

/** Loads and checks the guides at start-up: an invalid guide stops the application with the file and the fix. */
@Configuration(proxyBeanMethods = false)
class GuidanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GuidanceConfiguration.class);

    @Bean
    LibraryGuidance guidance(ResourcePatternResolver resources, Clock clock) {
        GuideLibrary library = GuideLibrary.load(resources, LocalDate.now(clock));
        log.info("Loaded {} guides", library.guides().size());
        return new LibraryGuidance(library);
    }
}
