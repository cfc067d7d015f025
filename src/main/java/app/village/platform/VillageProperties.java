package app.village.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Village's own configuration, bound from {@code village.*} properties and the matching
 * environment variables ({@code VILLAGE_DATA_DIR}, {@code VILLAGE_DATABASE_URL}, ...).
 */
@ConfigurationProperties("village")
public record VillageProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue SignIn signIn,
        @DefaultValue("false") boolean demo) {

    /** An empty {@code url} means: run the embedded PostgreSQL under {@code dataDir}. */
    public record Database(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("false") boolean cleanEmbedded) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * Sign-in throttling: after {@code freeFailures} failures the wait starts at {@code firstWait}
     * and doubles with each further failure, never beyond {@code maxWait}; failures are forgotten
     * after {@code forgetAfter} without one.
     */
    public record SignIn(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("30s") Duration firstWait,
            @DefaultValue("15m") Duration maxWait,
            @DefaultValue("1h") Duration forgetAfter) {
    }
}
