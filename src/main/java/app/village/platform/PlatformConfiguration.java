package app.village.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VillageProperties.class)
@EnableAsync
class PlatformConfiguration {

    /** The executor of {@link UrgentListener}s. */
    public static final String URGENT_EXECUTOR = "urgentTaskExecutor";

    /** One clock for the whole application, so that time-dependent rules can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Where background work runs: module listeners (readings, the queue, the story index), the
     * catch-up, the index rebuild and the demo community. A few platform threads, not virtual ones:
     * loading the model and thousands of classes pins a virtual thread's carrier, and with requests
     * on virtual threads too, a 2-core machine had every carrier pinned and stopped answering. A
     * fixed number of threads also means a burst of posts queues its readings instead of taking
     * every core from the pages.
     * <p>
     * On stop (Spring's default for this executor) nothing new starts once the context closes, the
     * running tasks finish, and the queued ones are dropped: their event publications stay
     * incomplete and are delivered again at the next start. Taking the DataSource as a parameter
     * makes Spring destroy this executor before the connection pool, and the pool before the
     * embedded database. Work handed over after the close began is discarded for the same reason,
     * rather than failing the request or the start-up that handed it over.
     */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(DataSource dataSource,
                                                   @Value("${village.background.threads:3}") int threads) {
        return BackgroundThreads.fixed("background-", threads);
    }

    /**
     * Two threads of their own for {@link UrgentListener}s: short transactions (an item queued, its alerts planned)
     * that must not wait behind the readings and indexing on the shared threads. Stops as the shared one does (the
     * DataSource parameter orders its stop before the connection pool's).
     */
    @Bean(name = URGENT_EXECUTOR)
    ThreadPoolTaskExecutor urgentTaskExecutor(DataSource dataSource) {
        return BackgroundThreads.fixed("urgent-", 2);
    }
}
