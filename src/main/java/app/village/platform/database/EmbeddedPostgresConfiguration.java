package app.village.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

import app.village.platform.VillageProperties;

/**
 * With no external database configured, Village runs a real PostgreSQL 17 of its own, keeping
 * its files under the data directory so that nothing is lost between runs. A second Village
 * process on the same data directory (a command run while the server is up) joins the running
 * database instead of starting another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${village.database.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "village";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(VillageProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path pgData = dataDir.resolve("postgres");
        if (properties.database().cleanEmbedded()) {
            FileSystemUtils.deleteRecursively(pgData);
        }
        String password = PostgresAccess.password(dataDir);
        Path binaries = dataDir.resolve("postgres-binaries");
        Optional<Integer> runningPort = RunningPostgres.portOf(pgData);
        if (runningPort.isPresent()) {
            if (RunningPostgres.owned(pgData)) {
                log.info("Joining the PostgreSQL already running for {} on port {}", pgData, runningPort.get());
                return new EmbeddedDatabase(null, runningPort.get(), password, pgData);
            }
            log.warn("A PostgreSQL left running by a Village process that ended holds {}: stopping it to start it afresh", pgData);
            try {
                PostgresAccess.stop(pgData, binaries);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the PostgreSQL left running", e);
            }
        }
        Files.createDirectories(binaries);
        // The binaries are unpacked once into the data directory, not into /tmp, so a restart is quick.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by this bean's destroy method, after the connection pool, not by a racing JVM hook.
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(dir -> PostgresAccess.secure(dir.toPath(), binaries, password))
                .setConnectConfig("password", password)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                // zonky starts PostgreSQL with -F (fsync off) and a test-friendly configuration: a post
                // acknowledged with 201 must survive a crash of the machine, so every flush is real.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        RunningPostgres.STARTED_HERE.add(pgData);
        log.info("Started embedded PostgreSQL 17 on port {} with data in {}", postgres.getPort(), pgData);
        return new EmbeddedDatabase(postgres, postgres.getPort(), password, pgData);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) throws Exception {
        database.createDatabaseIfMissing();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl(DATABASE));
        config.setUsername("postgres");
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setPoolName("village");
        return new HikariDataSource(config);
    }

    /** The embedded server (when this process started it) and the port it listens on. */
    record EmbeddedDatabase(EmbeddedPostgres postgres, int port, String password, Path pgData) implements AutoCloseable {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + port + "/" + database;
        }

        Connection connect(String database) throws java.sql.SQLException {
            java.util.Properties credentials = new java.util.Properties();
            credentials.setProperty("user", "postgres");
            credentials.setProperty("password", password);
            return java.sql.DriverManager.getConnection(jdbcUrl(database), credentials);
        }

        @Override
        public String toString() {
            return "EmbeddedDatabase[port=" + port + ", data=" + pgData + "]";
        }

        void createDatabaseIfMissing() throws Exception {
            try (Connection c = connect("postgres");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                try {
                    postgres.close();
                } finally {
                    RunningPostgres.STARTED_HERE.remove(pgData);
                }
            }
        }
    }
}
