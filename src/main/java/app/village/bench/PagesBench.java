package app.village.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code ./village bench pages}: the signed-in pages under load, on a community of realistic size.
 *
 * <p>It starts Village as a separate process (the launcher's JVM options, a fresh data directory, a
 * spare port on 127.0.0.1), publishes {@code --indexed} posts through the real form (so they get
 * real readings and are filed in the story index with real embeddings: the model files 20-90 posts
 * a second, so 100,000 would take an hour), then seeds the rest of the community with bulk SQL
 * straight into the server's PostgreSQL. It restarts the server (the cold start to the first page
 * is measured there), signs members in and drives a bounded load from this process with the JDK's
 * HTTP client: closed loop, {@code --connections} at a time on each page for {@code --seconds}, then
 * an open-loop mix at {@code --rate} requests a second, timed from when each request was due, so a
 * slow server cannot hide its queue. Only 127.0.0.1 is ever contacted.
 */
public final class PagesBench {

    private static final String PASSWORD = "bench password for village";
    private static final Pattern XSRF = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final Pattern SESSION = Pattern.compile("VILLAGE_SESSION=([^;]+)");

    private final PrintStream out;
    private final Map<String, Integer> options;
    private final Path dataDir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private final AtomicLong peakRss = new AtomicLong();

    private PagesBench(PrintStream out, Map<String, Integer> options, Path dataDir, int port) {
        this.out = out;
        this.options = options;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put("--members", 10_000);
        options.put("--posts", 100_000);
        options.put("--replies", 300_000);
        options.put("--journal-members", 1_000);
        options.put("--indexed", 300);
        options.put("--connections", 50);
        options.put("--seconds", 10);
        options.put("--rate", 300);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!options.containsKey(a) || i + 1 >= args.size()) {
                err.println("Usage: ./village bench pages " + options.keySet().stream().map(k -> "[" + k + " N]").reduce((x, y) -> x + " " + y).orElse(""));
                return 2;
            }
            options.put(a, Integer.parseInt(args.get(++i)));
        }
        if (options.get("--members") < 100 || options.get("--journal-members") > options.get("--members")
                || options.get("--indexed") < 10 || options.get("--posts") < options.get("--indexed")
                || options.get("--seconds") > 120 || options.get("--connections") > 200 || options.get("--rate") > 2_000) {
            err.println("Use at least 100 members and 10 indexed posts, at most 120 seconds, 200 connections and 2,000 requests a second.");
            return 2;
        }
        Path dataDir = Files.createTempDirectory("village-bench-pages");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PagesBench bench = new PagesBench(out, options, dataDir, port);
        try {
            bench.run();
            return 0;
        } catch (Exception e) {
            Path log = dataDir.resolve("server.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                err.println("the server's last lines:");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(err::println);
            }
            throw e;
        } finally {
            bench.stopServer();
            deleteFolder(dataDir);
        }
    }

    private void run() throws Exception {
        out.printf("village bench pages: %s; %d cores; java %s; load average before: %s%n", options,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        Thread rss = Thread.ofPlatform().daemon().start(this::sampleRss);

        long t0 = System.nanoTime();
        startServer();
        out.printf("first start (empty database, migrations): %.1f s%n", seconds(t0));
        Seeder seeder = new Seeder(postgres());
        seeder.members();
        String writer = session(Seeder.email(1));
        t0 = System.nanoTime();
        List<String> titles = new ArrayList<>();
        Random random = new Random(13);
        for (int i = 0; i < options.get("--indexed"); i++) {
            String[] post = Texts.post(random);
            titles.add(post[0]);
            publish(writer, post[0], post[1], random.nextInt(36));
        }
        seeder.waitForReadings(options.get("--indexed"), Duration.ofMinutes(15));
        screening(Seeder.email(1));
        out.printf("published %d posts through the form, read by the model and filed in the story index: %.1f s%n",
                options.get("--indexed"), seconds(t0));
        t0 = System.nanoTime();
        seeder.community();
        out.printf("seeded with SQL: %s in %.1f s%n", seeder.counts(), seconds(t0));
        seeder.close();

        stopServer();
        t0 = System.nanoTime();
        startServer();
        double coldStart = seconds(t0);
        out.printf("cold start of the seeded server to its first page: %.1f s%n", coldStart);

        int connections = options.get("--connections");
        List<String> sessions = new ArrayList<>();
        for (int i = 1; i <= connections; i++) {
            sessions.add(session(Seeder.email(1 + (i - 1) % options.get("--journal-members"))));
        }
        List<String> moderators = new ArrayList<>();
        for (int i = 1; i <= Seeder.MODERATORS; i++) {
            moderators.add(session(Seeder.email(i)));
        }
        List<UUID> threads = seeder.indexedPosts;
        List<Page> pages = List.of(
                new Page("feed", s -> get(s, "/feed"), false),
                new Page("thread + similar stories", s -> get(s, "/posts/" + threads.get(s.random.nextInt(threads.size()))), false),
                new Page("guides", s -> get(s, "/guides"), false),
                new Page("story search", s -> get(s, "/stories/search?q=" + Texts.query(s.random)), false),
                new Page("screening history", s -> get(s, "/screening/history"), false),
                new Page("journal charts (90 days)", s -> get(s, "/journal/charts?range=90"), false),
                new Page("moderators' queue", s -> get(s, "/moderation"), true),
                new Page("new post", s -> postForm(s, "/posts", form(s, "title", Texts.post(s.random)[0], "body", Texts.post(s.random)[1],
                        "visibility", "COMMUNITY", "child", "age", "childAgeMonths", "4", "submissionKey", UUID.randomUUID().toString())), false),
                new Page("new reply", s -> postForm(s, "/posts/" + threads.get(s.random.nextInt(threads.size())) + "/replies",
                        form(s, "body", Texts.reply(s.random))), false));

        // Warm-up: the JIT compiles what the pages use, as on a server that has been running for a while.
        for (Page page : pages) {
            closedLoop(page, page.moderators() ? moderators : sessions, Math.min(10, connections), 3);
        }
        out.printf("%nclosed loop: %d connections per page, %d s each (load average now %s)%n", connections,
                options.get("--seconds"), loadAverage());
        out.printf("  %-26s %10s %9s %9s %7s%n", "page", "requests/s", "p50 ms", "p99 ms", "errors");
        for (Page page : pages) {
            Result r = closedLoop(page, page.moderators() ? moderators : sessions, connections, options.get("--seconds"));
            out.printf("  %-26s %10.0f %9.1f %9.1f %7d%n", page.name(), r.perSecond(), r.percentile(50), r.percentile(99), r.errors());
        }

        int rate = options.get("--rate");
        Result mix = openLoop(pages, sessions, moderators, rate, options.get("--seconds") * 2);
        out.printf("%nopen loop: %d requests/s for %d s, a mix of all pages (40%% feed and threads): sent %d, p50 %.1f ms, "
                + "p99 %.1f ms, errors %d (load average now %s)%n", rate, options.get("--seconds") * 2, mix.count(),
                mix.percentile(50), mix.percentile(99), mix.errors(), loadAverage());
        rss.interrupt();
        out.printf("%nserver peak RSS: %d MB (VmHWM %s); cold start to first page %.1f s%n", peakRss.get() / 1024,
                status(server.pid(), "VmHWM:"), coldStart);
        out.printf("reproduce: ./village bench pages %s%n", String.join(" ", options.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
    }

    // ---- the server ----

    private void startServer() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The launcher's options (memory included), except its class-data archive, which this process holds.
            if (!arg.contains("SharedArchive") && !arg.startsWith("-Xlog:cds")) {
                command.add(arg);
            }
        }
        // Its own archive, written when the first start stops, so the measured restart starts as the launcher's would.
        command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dataDir.resolve("village.jsa"), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        command.addAll(List.of("-jar", System.getProperty("java.class.path"), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("VILLAGE_DATA_DIR", dataDir.toString());
        env.put("VILLAGE_SECURE_COOKIES", "false");
        // The seeded posts carry their readings already; the index holds the posts published through the form.
        env.put("VILLAGE_UNDERSTANDING_CATCH_UP", "false");
        env.put("VILLAGE_DISCOVERY_REBUILD_WHEN_EMPTY", "false");
        env.remove("VILLAGE_DATABASE_URL");
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + dataDir.resolve("server.log"));
            }
            try {
                if (http.send(request("/help").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer within 5 minutes");
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private void sampleRss() {
        while (!Thread.currentThread().isInterrupted()) {
            Process p = server;
            if (p != null && p.isAlive()) {
                String rss = status(p.pid(), "VmRSS:");
                if (!rss.isEmpty()) {
                    peakRss.accumulateAndGet(Long.parseLong(rss.replaceAll("\\D", "")), Math::max);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The embedded PostgreSQL the server started: its port is on the fourth line of postmaster.pid. */
    private Connection postgres() throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/village", "postgres", "");
    }

    // ---- HTTP ----

    /** A signed-in member as the load sees one: the cookies and a random source of their own. */
    record Member(String cookies, String xsrf, Random random) {
    }

    private Member member(String cookies) {
        Matcher m = XSRF.matcher(cookies);
        return new Member(cookies, m.find() ? m.group(1) : "", new Random(cookies.hashCode()));
    }

    private String session(String email) throws Exception {
        HttpResponse<Void> form = http.send(setUp("/signin").build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookie(form, XSRF);
        HttpResponse<Void> signedIn = http.send(setUp("/signin").header("Cookie", "XSRF-TOKEN=" + xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + xsrf))
                .build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in as " + email + ": " + signedIn.statusCode());
        }
        return "VILLAGE_SESSION=" + cookie(signedIn, SESSION) + "; XSRF-TOKEN=" + xsrf;
    }

    private void publish(String cookies, String title, String body, int age) throws Exception {
        Member m = member(cookies);
        int status = postForm(m, "/posts", true, form(m, "title", title, "body", body, "visibility", "COMMUNITY", "child", "age",
                "childAgeMonths", String.valueOf(age), "submissionKey", UUID.randomUUID().toString()));
        if (status != 200) {
            throw new IllegalStateException("publishing a post answered " + status);
        }
    }

    /** One PHQ-9 through the API, so the seeded screenings carry a result exactly as the scoring engine writes it. */
    private boolean screening(String email) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            answers.append(i == 1 ? "" : ",").append("\"phq9-").append(i).append("\":\"").append(i % 3 == 0 ? "LA6570-1" : "LA6569-3").append('"');
        }
        String basic = java.util.Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        int status = http.send(setUp("/api/screenings").header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"questionnaire\":\"phq-9\",\"version\":\"1.0.0\",\"answers\":{" + answers + "}}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 300) {
            out.printf("(a PHQ-9 through the API answered %d: no screenings are seeded)%n", status);
        }
        return status < 300;
    }

    private int get(Member m, String path) throws Exception {
        return http.send(request(path).header("Cookie", m.cookies()).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int postForm(Member m, String path, String body) throws Exception {
        return postForm(m, path, false, body);
    }

    private int postForm(Member m, String path, boolean setUp, String body) throws Exception {
        int status = http.send((setUp ? setUp(path) : request(path)).header("Cookie", m.cookies()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        // A form is done when it redirects; the form shown again (200) means it was refused.
        return status == 302 || status == 303 ? 200 : status == 200 ? 422 : status;
    }

    private static String form(Member m, String... pairs) {
        StringBuilder b = new StringBuilder("_csrf=").append(enc(m.xsrf()));
        for (int i = 0; i < pairs.length; i += 2) {
            b.append('&').append(pairs[i]).append('=').append(enc(pairs[i + 1]));
        }
        return b.toString();
    }

    /** A request of the load: more than 10 s counts as an error. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    /** A request of the set-up (sign-in, the first posts): a cold server may take its time. */
    private HttpRequest.Builder setUp(String path) {
        return request(path).timeout(Duration.ofSeconds(120));
    }

    private static String cookie(HttpResponse<?> response, Pattern pattern) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = pattern.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no cookie " + pattern + " in the answer");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- load ----

    @FunctionalInterface
    interface Call {
        int send(Member member) throws Exception;
    }

    record Page(String name, Call call, boolean moderators) {
    }

    record Result(long[] latenciesMicros, int errors, double seconds) {
        int count() {
            return latenciesMicros.length;
        }

        double perSecond() {
            return latenciesMicros.length / seconds;
        }

        double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(i, latenciesMicros.length - 1))] / 1000.0;
        }
    }

    private Result closedLoop(Page page, List<String> cookies, int connections, int seconds) throws InterruptedException {
        List<long[]> all = new ArrayList<>();
        int[] errors = new int[1];
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                Member m = member(cookies.get(c % cookies.size()));
                workers.submit(() -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    int failed = 0;
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        boolean ok;
                        try {
                            ok = page.call().send(m) == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - s) / 1000;
                        failed += ok ? 0 : 1;
                    }
                    synchronized (all) {
                        all.add(Arrays.copyOf(mine, n));
                        errors[0] += failed;
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, errors[0], elapsed);
    }

    /** Requests sent at a fixed rate whatever the answers; each is timed from the moment it was due. */
    private Result openLoop(List<Page> pages, List<String> cookies, List<String> moderators, int rate, int seconds) throws InterruptedException {
        // The mix: what parents mostly do is read.
        int[] weights = {20, 20, 10, 10, 8, 8, 2, 8, 14};
        List<Page> wheel = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            for (int w = 0; w < weights[i]; w++) {
                wheel.add(pages.get(i));
            }
        }
        List<Member> members = cookies.stream().map(this::member).toList();
        List<Member> mods = moderators.stream().map(this::member).toList();
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        Map<String, List<Long>> perPage = new ConcurrentHashMap<>();
        Random random = new Random(7);
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Page page = wheel.get(random.nextInt(wheel.size()));
                Member m = page.moderators() ? mods.get(random.nextInt(mods.size())) : members.get(random.nextInt(members.size()));
                int index = i;
                senders.submit(() -> {
                    boolean ok;
                    try {
                        ok = page.call().send(m) == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long micros = (System.nanoTime() - due) / 1000;
                    latencies[index] = micros;
                    perPage.computeIfAbsent(page.name(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(micros);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf("%nopen loop by page (p50 / p99 ms):%n");
        perPage.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            Result r = new Result(sorted, 0, elapsed);
            out.printf("  %-26s %6d sent %9.1f %9.1f%n", e.getKey(), sorted.length, r.percentile(50), r.percentile(99));
        });
        return new Result(Arrays.stream(latencies).sorted().toArray(), (int) errors.get(), elapsed);
    }

    // ---- helpers ----

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String status(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).strip()).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The community, written with a few large SQL statements: members, posts, replies and the rest. */
    private final class Seeder implements AutoCloseable {

        static final int MODERATORS = 5;
        private final Connection db;
        final List<UUID> indexedPosts = new ArrayList<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        Seeder(Connection db) {
            this.db = db;
        }

        static String email(int n) {
            return "parent" + n + "@bench.village.invalid";
        }

        void members() throws Exception {
            String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
            try (PreparedStatement s = db.prepareStatement("""
                    INSERT INTO members (id, email, email_key, password_hash, handle, handle_key, family_role, created_at, password_changed_at)
                    SELECT bench_id(1, g), 'parent' || g || '@bench.village.invalid', 'parent' || g || '@bench.village.invalid', ?,
                           'parent_' || g, 'parent_' || g, (ARRAY['MOTHER','MOTHER','MOTHER','FATHER','PARTNER','OTHER_CARER'])[1 + g % 6],
                           now() - interval '3 years', now() - interval '3 years'
                    FROM generate_series(1, ?) g""")) {
                execute("""
                        CREATE OR REPLACE FUNCTION bench_id(kind INT, n BIGINT) RETURNS UUID LANGUAGE sql IMMUTABLE AS $$
                            SELECT (lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
                        $$""");
                s.setString(1, hash);
                s.setInt(2, options.get("--members"));
                s.executeUpdate();
            }
            execute("INSERT INTO member_roles (member_id, role, granted_at) SELECT id, 'PARENT', now() FROM members");
            execute("INSERT INTO member_roles (member_id, role, granted_at) SELECT bench_id(1, g), 'MODERATOR', now() "
                    + "FROM generate_series(1, " + MODERATORS + ") g");
            execute("""
                    INSERT INTO children (id, member_id, nickname, birth_month, created_at)
                    SELECT bench_id(2, g), bench_id(1, g), 'little one', date_trunc('month', now() - (g %% 30) * interval '1 month')::date,
                           now() - interval '3 years'
                    FROM generate_series(1, %d) g""".formatted(options.get("--members")));
        }

        void waitForReadings(int posts, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (count("SELECT count(*) FROM insights WHERE subject_kind = 'POST'") >= posts
                        && count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL") == 0) {
                    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM posts")) {
                        while (rs.next()) {
                            indexedPosts.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the posts were not all read within " + within);
        }

        void community() throws Exception {
            int members = options.get("--members");
            int posts = options.get("--posts") - options.get("--indexed");
            int replies = options.get("--replies");
            int journal = options.get("--journal-members");
            String sentences = Texts.sqlArray(Texts.SENTENCES);
            String titles = Texts.sqlArray(Texts.TITLES);
            execute("""
                    INSERT INTO posts (id, author_id, title, body, visibility, child_age_months, created_at)
                    SELECT bench_id(3, g), bench_id(1, 1 + (g * 7919) %% %1$d), t[1 + g %% array_length(t, 1)],
                           array_to_string(ARRAY(SELECT s[1 + ((g * 31 + k * 17) %% array_length(s, 1))] FROM generate_series(1, 4 + g %% 7) k), ' '),
                           CASE WHEN g %% 20 = 0 THEN 'PRIVATE' ELSE 'COMMUNITY' END, g %% 37,
                           now() - interval '5 minutes' - (g * interval '15 minutes')
                    FROM generate_series(1::bigint, %2$d) g, (SELECT %3$s AS s, %4$s AS t) texts""".formatted(members, posts, sentences, titles));
            // Readings: the one the model gave the first published post, for every seeded post.
            execute("""
                    INSERT INTO insights (subject_kind, subject_id, post_id, text_version, analyser, risk_level, themes, insight, analysed_at)
                    SELECT 'POST', p.id, p.id, 0, i.analyser, i.risk_level, i.themes, i.insight, p.created_at
                    FROM posts p, (SELECT * FROM insights WHERE subject_kind = 'POST' LIMIT 1) i
                    WHERE p.id >= bench_id(3, 0) AND p.id <= bench_id(3, %d)""".formatted(posts));
            execute("""
                    INSERT INTO replies (id, post_id, author_id, body, created_at)
                    SELECT bench_id(4, g), bench_id(3, 1 + (g * 104729) %% %1$d), bench_id(1, 1 + (g * 15485863) %% %2$d),
                           s[1 + g %% array_length(s, 1)] || ' ' || s[1 + (g * 7) %% array_length(s, 1)],
                           LEAST(now(), now() - (((g * 104729) %% %1$d) + 1) * interval '15 minutes' + (g %% 50) * interval '1 minute')
                    FROM generate_series(1::bigint, %3$d) g, (SELECT %4$s AS s) texts""".formatted(posts, members, replies, Texts.sqlArray(Texts.REPLIES)));
            execute("INSERT INTO follows (post_id, member_id, created_at) SELECT id, author_id, created_at FROM posts WHERE author_id IS NOT NULL "
                    + "ON CONFLICT DO NOTHING");
            execute("INSERT INTO follows (post_id, member_id, created_at) SELECT post_id, author_id, min(created_at) FROM replies "
                    + "GROUP BY post_id, author_id ON CONFLICT DO NOTHING");
            execute("""
                    INSERT INTO reactions (post_id, member_id, kind, created_at)
                    SELECT bench_id(3, 1 + (g * 7) %% %1$d), bench_id(1, 1 + (g * 13) %% %2$d),
                           (ARRAY['ME_TOO','STRENGTH','THANK_YOU'])[1 + g %% 3], now() - interval '1 day'
                    FROM generate_series(1::bigint, %3$d) g ON CONFLICT DO NOTHING""".formatted(posts, members, posts * 2));
            execute("""
                    INSERT INTO notifications (id, member_id, post_id, reply_id, kind, created_at, read_at)
                    SELECT gen_random_uuid(), p.author_id, r.post_id, r.id, 'NEW_REPLY', r.created_at,
                           CASE WHEN r.created_at < now() - interval '2 days' THEN r.created_at + interval '1 hour' END
                    FROM replies r JOIN posts p ON p.id = r.post_id WHERE p.author_id IS NOT NULL AND p.author_id <> r.author_id""");
            // Three years of daily check-ins for the journal's members, with the closeness to their child.
            execute("""
                    INSERT INTO journal_check_ins (id, member_id, day, mood, sleep_hours, medication, created_at)
                    SELECT bench_id(5, m * 2000 + d), bench_id(1, m), current_date - d, (m + d * 3) %% 11, 4 + ((m + d) %% 9),
                           (ARRAY['TAKEN','TAKEN','TAKEN','MISSED','NOT_ON_MEDICATION'])[1 + (m + d) %% 5], now() - d * interval '1 day'
                    FROM generate_series(1, %d) m, generate_series(0, 1094) d""".formatted(journal));
            execute("""
                    INSERT INTO journal_closeness (check_in_id, child_id, closeness)
                    SELECT c.id, bench_id(2, ('x' || substr(c.member_id::text, 25))::bit(48)::bigint), (c.mood + 2) %% 11 FROM journal_check_ins c
                    WHERE c.member_id <= bench_id(1, %d)""".formatted(journal));
            execute("INSERT INTO journal_preferences (member_id, time_zone, updated_at) SELECT bench_id(1, g), 'Europe/London', now() "
                    + "FROM generate_series(1, " + journal + ") g ON CONFLICT DO NOTHING");
            // Screenings: the members of the journal answered the PHQ-9 monthly; results as the scoring engine writes them.
            long template = count("SELECT count(*) FROM screenings");
            if (template > 0) {
                execute("""
                        INSERT INTO screenings (id, member_id, instrument, instrument_version, submission_key, answers, result, main_score,
                                                complete, urgent, completed_at)
                        SELECT gen_random_uuid(), bench_id(1, m), t.instrument, t.instrument_version, gen_random_uuid(), t.answers, t.result,
                               t.main_score, t.complete, t.urgent, now() - k * interval '30 days'
                        FROM generate_series(1, %d) m, generate_series(1, 12) k, (SELECT * FROM screenings LIMIT 1) t""".formatted(journal));
            }
            // The moderators' queue: a few hundred readings waiting.
            execute("""
                    INSERT INTO safety_items (id, source, source_key, subject_kind, subject_id, post_id, member_id, automated_level, level,
                                              reasons, created_at)
                    SELECT gen_random_uuid(), 'READING', 'bench:' || g, 'POST', bench_id(3, 1 + (g * 97) %% %2$d), bench_id(3, 1 + (g * 97) %% %2$d),
                           bench_id(1, 1 + (g * 97 * 7919) %% %1$d), 'high', 'high', ARRAY['low_mood'], now() - g * interval '3 minutes'
                    FROM generate_series(1, 300) g""".formatted(members, posts));
            execute("VACUUM ANALYZE");
            for (String table : List.of("members", "posts", "replies", "reactions", "follows", "notifications", "insights",
                    "journal_check_ins", "screenings", "safety_items")) {
                counts.put(table, count("SELECT count(*) FROM " + table));
            }
        }

        Map<String, Long> counts() {
            return counts;
        }

        private void execute(String sql) throws Exception {
            try (Statement s = db.createStatement()) {
                s.execute(sql);
            }
        }

        private long count(String sql) throws Exception {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws Exception {
            db.close();
        }
    }
}
