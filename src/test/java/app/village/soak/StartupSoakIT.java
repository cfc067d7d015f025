package app.village.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import app.village.support.VillageProcess;

/**
 * Starts the built artifact again and again with {@code --demo}, as {@code ./village serve --demo}
 * does, each time a new JVM on the same data directory. A start must answer {@code /} and, signed in
 * as a demo member, a thread page within 30 s; some are stopped with SIGTERM while they are still
 * starting (the demo community and the model loading). Every stop must be clean: exit status 143
 * (the JVM's status for a SIGTERM it handled by running its shutdown to the end; 0 is accepted too),
 * no stack trace in the log, no crash file.
 */
@Tag("soak")
class StartupSoakIT {

    private static final int STARTS = Integer.getInteger("village.soak.starts", 10);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(Integer.getInteger("village.soak.answer-within-seconds", 30));
    private static final Path DATA = Path.of("target", "soak-data").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "soak-logs").toAbsolutePath();
    private static final Pattern THREAD_LINK = Pattern.compile("href=\"(/posts/[0-9a-f-]{36})\"");

    @Test
    void everyStartAnswersAndEveryStopIsClean() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        FileSystemUtils.deleteRecursively(LOGS);
        // The first start makes the database and the class-data archive; it is not a start an operator repeats.
        try (VillageProcess first = VillageProcess.start(DATA, VillageProcess.freePort(), LOGS.resolve("prepare.log"), "serve", "--demo")) {
            assertThat(first.awaitAnswer("/", Duration.ofSeconds(180))).as("first start (log %s)", first.log()).isPresent();
            signedInThreadPage(first, Duration.ofSeconds(120));
            assertThat(first.stop(Duration.ofSeconds(60))).isIn(0, 143);
        }
        List<Long> answers = new ArrayList<>();
        int stoppedDuringStart = 0;
        long slowest = 0;
        for (int i = 1; i <= STARTS; i++) {
            boolean early = i % 3 == 2; // starts 2, 5, 8: stopped while starting
            Path log = LOGS.resolve("start-" + i + ".log");
            int port = VillageProcess.freePort();
            long began = System.nanoTime();
            int exit;
            try (VillageProcess village = VillageProcess.start(DATA, port, log, "serve", "--demo")) {
                if (early) {
                    // Stopped a little after it starts listening: demo loading, catch-up and model loading still run.
                    assertThat(village.awaitAnswer("/", Duration.ofSeconds(60))).as("start %d (log %s)", i, log).isPresent();
                    stoppedDuringStart++;
                } else {
                    assertThat(village.awaitAnswer("/", ANSWER_WITHIN)).as("start %d answers / within %s (log %s)", i, ANSWER_WITHIN, log).isPresent();
                    signedInThreadPage(village, ANSWER_WITHIN.minusNanos(System.nanoTime() - began));
                    long took = (System.nanoTime() - began) / 1_000_000;
                    answers.add(took);
                    slowest = Math.max(slowest, took);
                    assertThat(Duration.ofMillis(took)).as("start %d: / and a thread page within %s", i, ANSWER_WITHIN).isLessThanOrEqualTo(ANSWER_WITHIN);
                }
                exit = village.stop(Duration.ofSeconds(60));
            }
            String text = Files.readString(log);
            assertThat(exit).as("start %d exits cleanly on SIGTERM (log %s)", i, log).isIn(0, 143);
            assertThat(text).as("start %d: no stack trace in %s", i, log).doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(text).as("start %d: no error logged in %s", i, log).doesNotContainPattern("(?m)^\\S+\\s+ERROR ");
        }
        try (Stream<Path> crashes = Files.list(DATA.resolve("tmp"))) {
            assertThat(crashes.filter(p -> p.getFileName().toString().startsWith("hs_err"))).as("JVM crash files").isEmpty();
        }
        long median = answers.stream().sorted().toList().get(answers.size() / 2);
        System.out.printf("SOAK starts=%d answered=%d stopped-during-start=%d clean-stops=%d median-answer-ms=%d slowest-answer-ms=%d%n",
                STARTS, answers.size() + stoppedDuringStart, stoppedDuringStart, STARTS, median, slowest);
    }

    /** Signs in as the demo's first member and opens a thread from the feed. */
    private static void signedInThreadPage(VillageProcess village, Duration within) throws Exception {
        long deadline = System.nanoTime() + Math.max(within.toNanos(), 0);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        // Signing in before the demo members exist would count as failures and throttle the address: wait for them.
        while (!Files.readString(village.log()).contains("Demo community ready") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String last = "";
        do {
            http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signin")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String form = "email=" + URLEncoder.encode("maya@demo.village.invalid", StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode("village demo password", StandardCharsets.UTF_8) + "&_csrf=" + xsrf;
            HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (signIn.headers().firstValue("Location").orElse("").endsWith("/feed")) {
                HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(village.base() + "/feed")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher link = THREAD_LINK.matcher(feed.body());
                if (feed.statusCode() == 200 && link.find()) {
                    HttpResponse<String> thread = http.send(HttpRequest.newBuilder(URI.create(village.base() + link.group(1))).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(thread.statusCode()).as("the thread page " + link.group(1)).isEqualTo(200);
                    return;
                }
                last = "feed " + feed.statusCode() + " without a thread yet";
            } else {
                last = "sign-in refused";
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no signed-in thread page in time: " + last + " (log " + village.log() + ")");
    }
}
