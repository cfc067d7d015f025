package app.village.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a real PostgreSQL: the embedded one (a fresh data directory under
 * target/) unless VILLAGE_DATABASE_URL names an external server, as CI does for the production
 * path. Every such test shares one application context, so the suite starts the database once.
 * Tests must not assume an empty database: they create their own members with unique emails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "village.data-dir=target/test-data",
        "village.database.clean-embedded=true",
        "village.sign-in.free-failures=3",
        "village.sign-in.first-wait=2s",
        "village.sign-in.max-wait=8s"
})
@AutoConfigureMockMvc
@Tag("persistence")
public @interface VillageIntegrationTest {
}
