package app.village.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The built artifact started as {@code ./village serve} starts it, as a child process with its own
 * data directory and port: what an operator runs, not the test's class path. The launcher execs the
 * JVM, so this process is the JVM.
 */
public final class VillageProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;

    private VillageProcess(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    public static VillageProcess start(Path dataDir, int port, Path log, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("village").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // CI also runs the suite against an external PostgreSQL; this process must use its own embedded one.
        env.remove("VILLAGE_DATABASE_URL");
        env.remove("VILLAGE_DATABASE_USER");
        env.remove("VILLAGE_DATABASE_PASSWORD");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("VILLAGE_NO_BUILD", "1");
        env.put("VILLAGE_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("VILLAGE_SECURE_COOKIES", "false");
        Process process = builder.start();
        STARTED.add(process);
        return new VillageProcess(process, dataDir, log, port);
    }

    /** Children still running when the test JVM is stopped (a cancelled build) are stopped with it. */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.stream().filter(Process::isAlive).forEach(Process::destroy)));
    }

    /** Runs another command of the launcher on the same data directory (it joins the running database) and waits. */
    public static int run(Path dataDir, Path log, String... args) throws Exception {
        VillageProcess command = start(dataDir, freePort(), log, args);
        if (!command.process.waitFor(3, TimeUnit.MINUTES)) {
            command.process.destroyForcibly();
            throw new IllegalStateException("'village " + String.join(" ", args) + "' did not finish in 3 minutes");
        }
        return command.process.exitValue();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code path} answers 200, or the process ends, or the time is up; how long it took, if it answered. */
    public Optional<Duration> awaitAnswer(String path, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Optional.of(Duration.ofNanos(System.nanoTime() - start));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** The embedded PostgreSQL's postmaster (from its pid file) and every process under it. */
    public List<ProcessHandle> postgresProcesses() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(postmaster -> {
            all.add(postmaster);
            postmaster.descendants().forEach(all::add);
        });
        return all;
    }

    /** kill -9 of the JVM and its PostgreSQL together, as a container kill or a power cut does; waits until all are gone. */
    public void killEverything() throws Exception {
        // The JVM first, so that no request is answered by a server whose database is already gone.
        List<ProcessHandle> victims = new ArrayList<>(List.of(process.toHandle()));
        victims.addAll(postgresProcesses());
        victims.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle victim : victims) {
            while (running(victim.pid()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl+C in a terminal or a container stop sends; the exit code, or -1 if it did not end in time. */
    public int stop(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return -1;
        }
        return process.exitValue();
    }

    /** A JDBC connection's credentials for this instance's embedded PostgreSQL, read as an operator would. */
    public String jdbcUrl() throws IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/village";
    }

    public Properties credentials() throws IOException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", Files.readString(dataDir.resolve("postgres-password")).strip());
        return props;
    }

    /** Alive and not a zombie waiting to be reaped. */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(60));
        }
    }
}
