package app.village.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VillageProperties.class)
@org.springframework.scheduling.annotation.EnableAsync
class PlatformConfiguration {

    /** One clock for the whole application, so that time-dependent rules can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
