package app.village.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.village.platform.VillageProperties;

/** The embedded PostgreSQL keeps its data between runs, and a second process joins a running one. */
@Tag("embedded")
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    private VillageProperties properties() {
        return new VillageProperties(dataDir, new VillageProperties.Database("", "", "", false),
                new VillageProperties.SignIn(5, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15),
                        java.time.Duration.ofHours(1)), false);
    }

    @Test
    void dataSurvivesARestartAndASecondProcessJoins() throws Exception {
        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase first = config.embeddedDatabase(properties())) {
            first.createDatabaseIfMissing();
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("village")); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (word text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
            try (EmbeddedPostgresConfiguration.EmbeddedDatabase joined = config.embeddedDatabase(properties())) {
                assertThat(joined.postgres()).as("joins instead of starting a second server").isNull();
                assertThat(joined.port()).isEqualTo(first.port());
            }
        }
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase second = config.embeddedDatabase(properties())) {
            assertThat(second.postgres()).isNotNull();
            second.createDatabaseIfMissing();
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("village")); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT word FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }
}
