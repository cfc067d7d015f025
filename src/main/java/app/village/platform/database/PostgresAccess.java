package app.village.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.village.platform.SecretFiles;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Who may connect to the embedded PostgreSQL: only a client that knows the generated password,
 * kept in the data directory readable by its owner alone. A data directory made by an earlier
 * Village (the {@code postgres} role without a password, {@code trust} on 127.0.0.1) is brought
 * to this on the next start, before the server listens: the password is set in single-user mode,
 * which opens no socket at all, and only then is {@code pg_hba.conf} replaced.
 */
final class PostgresAccess {

    static final String PASSWORD_FILE = "postgres-password";

    /** Every way in asks for the password; the Unix socket too, since other local users can reach it. */
    static final String HBA = """
            # Written by Village: every connection proves the password in $VILLAGE_DATA_DIR/postgres-password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PostgresAccess() {
    }

    /** The password in {@code dataDir}, made on first use; two processes starting at once agree on one. */
    static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        String password = SecretFiles.readOrCreate(file, () -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
        }).strip();
        if (password.isEmpty() || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException(file + " does not hold a password Village wrote; delete it and start again to make a new one");
        }
        return password;
    }

    /**
     * Sets the password of the {@code postgres} role and allows password logins only. Runs before
     * the postmaster starts, every time, so a lost or replaced password file is followed too.
     */
    static void secure(Path pgData, Path binaries, String password) {
        try {
            Path postgres = binary(binaries, "postgres");
            List<String> command = new ArrayList<>(prefix());
            command.addAll(List.of(postgres.toString(), "--single", "-D", pgData.toString(),
                    "-c", "exit_on_error=true", "-c", "log_statement=none", "-c", "log_min_error_statement=panic",
                    "-c", "password_encryption=scram-sha-256", "postgres"));
            Process single = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = single.getOutputStream()) {
                in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (!single.waitFor(120, TimeUnit.SECONDS)) {
                single.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish setting the password in 2 minutes");
            }
            if (single.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL could not set the password of the postgres role (single-user mode exit "
                        + single.exitValue() + "); is another PostgreSQL using " + pgData + "?");
            }
            Path hba = pgData.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Path temp = pgData.resolve("pg_hba.conf.village");
                Files.writeString(temp, HBA);
                Files.setPosixFilePermissions(temp, SecretFiles.OWNER_ONLY);
                Files.move(temp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while securing the embedded PostgreSQL", e);
        }
    }

    /** Stops a server nobody owns any more (its Village process died), as {@code pg_ctl stop -m fast} does. */
    static void stop(Path pgData, Path binaries) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix());
        command.addAll(List.of(binary(binaries, "pg_ctl").toString(), "-D", pgData.toString(), "stop", "-m", "fast", "-t", "60", "-w"));
        Process stop = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!stop.waitFor(90, TimeUnit.SECONDS) || stop.exitValue() != 0) {
            throw new IllegalStateException("Could not stop the PostgreSQL left running in " + pgData + "; stop it and start Village again");
        }
    }

    /** As zonky runs its binaries: in a user namespace where one is available, so that root may run Village. */
    private static List<String> prefix() {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
    }

    /**
     * The binaries zonky unpacked most recently under {@code binaries} (one folder per release), or,
     * when it reused the folder it had unpacked for another data directory of this JVM (it keeps one
     * per process), that folder.
     */
    static Path binary(Path binaries, String name) throws IOException {
        if (Files.isDirectory(binaries)) {
            try (var dirs = Files.list(binaries)) {
                java.util.Optional<Path> here = dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                        .map(d -> d.resolve("bin").resolve(name))
                        .filter(Files::isExecutable)
                        .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
                if (here.isPresent()) {
                    return here.get();
                }
            }
        }
        return unpackedByZonky().stream().map(d -> d.toPath().resolve("bin").resolve(name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under " + binaries));
    }

    @SuppressWarnings("unchecked")
    private static List<java.io.File> unpackedByZonky() {
        try {
            java.lang.reflect.Field field = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            field.setAccessible(true);
            // Written by zonky in this thread just before the data directory customizer runs.
            return List.copyOf(((java.util.Map<Object, java.io.File>) field.get(null)).values());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }
}
