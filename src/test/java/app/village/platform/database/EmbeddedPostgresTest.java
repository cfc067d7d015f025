package app.village.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.village.platform.VillageProperties;

/**
 * The embedded PostgreSQL keeps its data between runs and through crashes, lets in only the holder
 * of its password, a second process joins a running one, and a server left behind is not adopted blindly.
 */
@Tag("embedded")
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    private final EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();

    private VillageProperties properties() {
        return new VillageProperties(dataDir, new VillageProperties.Database("", "", "", false),
                new VillageProperties.SignIn(5, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15),
                        java.time.Duration.ofHours(1)), false);
    }

    @Test
    void dataSurvivesARestartAndASecondProcessJoins() throws Exception {
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase first = config.embeddedDatabase(properties())) {
            first.createDatabaseIfMissing();
            try (Connection c = first.connect("village"); Statement s = c.createStatement()) {
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
            assertThat(word(second)).isEqualTo("still here");
        }
    }

    @Test
    void everyCommitIsFlushedToDisk() throws Exception {
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase db = config.embeddedDatabase(properties());
             Connection c = db.connect("postgres"); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void onlyTheHolderOfTheGeneratedPasswordGetsIn() throws Exception {
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase db = config.embeddedDatabase(properties())) {
            Path file = dataDir.resolve(PostgresAccess.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertRefused(db.port(), null);
            assertRefused(db.port(), "wrong password");
            try (Connection c = db.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("hba lines that let anyone in without the password").isZero();
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsSecuredAndKeepsItsData() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        // How Village started PostgreSQL before: zonky's defaults, trust on 127.0.0.1, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toFile()).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE village");
        }
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toFile()).start();
             Connection c = old.getDatabase("postgres", "village").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (word text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase db = config.embeddedDatabase(properties())) {
            assertThat(word(db)).isEqualTo("still here");
            assertRefused(db.port(), null);
        }
    }

    @Test
    void aServerLeftRunningByAVillageThatDiedIsStoppedAndStartedAfresh() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgresConfiguration.EmbeddedDatabase db = config.embeddedDatabase(properties())) {
            db.createDatabaseIfMissing();
        }
        // A postmaster with zonky's old settings and nobody holding the data directory's lock, as after kill -9 of Village.
        List<String> command = new ArrayList<>(LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of());
        command.addAll(List.of(PostgresAccess.binary(dataDir.resolve("postgres-binaries"), "pg_ctl").toString(),
                "-D", pgData.toString(), "-o", "-F -c synchronous_commit=off -c port=" + freePort(), "-w", "start"));
        Process start = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(start.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(RunningPostgres.portOf(pgData)).isPresent();
        long orphan = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());

        try (EmbeddedPostgresConfiguration.EmbeddedDatabase db = config.embeddedDatabase(properties())) {
            assertThat(db.postgres()).as("started afresh, not joined").isNotNull();
            assertThat(running(orphan)).as("the orphan is stopped").isFalse();
            try (Connection c = db.connect("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
        assertThat(RunningPostgres.portOf(pgData)).as("a graceful stop leaves no server running").isEmpty();
    }

    private static String word(EmbeddedPostgresConfiguration.EmbeddedDatabase db) throws Exception {
        db.createDatabaseIfMissing();
        try (Connection c = db.connect("village"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT word FROM kept")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void assertRefused(int port, String password) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props).close())
                .isInstanceOf(SQLException.class);
    }

    /** Alive and not a zombie: the orphan's parent (pg_ctl) is gone, so nobody may reap it in a container. */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
