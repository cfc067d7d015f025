package app.village.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import app.village.VillageApplication;
import app.village.accounts.SignUp;
import app.village.accounts.domain.AccountService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded load on loopback: 200 posts submitted at once over HTTP by 20 signed-in members (their session
 * cookies, as browsers send them), 20 of the posts urgent. The application is
 * stopped right after the last answer (readings may still be in flight) and started again on the same
 * database: every urgent post must then be in the queue exactly once; after a second restart, still once.
 */
@Tag("persistence")
@Tag("load")
class SafetyLoadTest {

    private static final int POSTS = 200;
    private static final int URGENT = 20;
    private static final int WRITERS = 20;
    private static final String PASSWORD = "a long enough password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A member's browser: its own cookies (session and XSRF token), signed in once, as parents are. */
    private record Browser(HttpClient http, java.net.CookieManager cookies) {

        static Browser signedIn(int port, String email) throws Exception {
            java.net.CookieManager cookies = new java.net.CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
            http.send(HttpRequest.newBuilder(URI.create(base(port) + "/signin")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String form = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + xsrf(cookies);
            HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signIn.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/feed");
            return new Browser(http, cookies);
        }

        static String xsrf(java.net.CookieManager cookies) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyUrgentPostIsQueuedOnceAcrossRestarts() throws Exception {
        List<String> writers = new ArrayList<>();
        String moderator = "load-mod-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Set<String> urgentIds = new HashSet<>();
        Set<String> otherIds = new HashSet<>();

        try (ConfigurableApplicationContext first = start(true)) {
            AccountService accounts = first.getBean(AccountService.class);
            for (int i = 0; i < WRITERS; i++) {
                String email = "load-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
                accounts.signUp(new SignUp(email, PASSWORD, "load_" + UUID.randomUUID().toString().substring(0, 8), "MOTHER", List.of()));
                writers.add(email);
            }
            accounts.signUp(new SignUp(moderator, PASSWORD, "load_mod_" + UUID.randomUUID().toString().substring(0, 6), "FATHER", List.of()));
            accounts.grant(null, moderator, "MODERATOR");
            int port = port(first);
            Map<String, Browser> browsers = new HashMap<>();
            for (String writer : writers) {
                browsers.put(writer, Browser.signedIn(port, writer));
            }

            List<Boolean> urgentFlags = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                urgentFlags.add(i < URGENT);
            }
            Collections.shuffle(urgentFlags, new java.util.Random(42));
            Instant start = Instant.now();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> sent = new ArrayList<>();
                for (int i = 0; i < POSTS; i++) {
                    boolean urgent = urgentFlags.get(i);
                    String writer = writers.get(i % WRITERS);
                    String title = (urgent ? SafetyTexts.URGENT_TITLE : SafetyTexts.CALM_TITLE) + " " + i;
                    String body = urgent ? SafetyTexts.URGENT_SELF_HARM : SafetyTexts.CALM;
                    sent.add(pool.submit(() -> publish(port, browsers.get(writer), title, body)));
                }
                for (int i = 0; i < POSTS; i++) {
                    (urgentFlags.get(i) ? urgentIds : otherIds).add(sent.get(i).get());
                }
            }
            System.out.printf("SAFETY-LOAD %d posts (%d urgent) accepted in %d ms; %d urgent queued when the application stopped%n",
                    POSTS, URGENT, Duration.between(start, Instant.now()).toMillis(), queuedOnce(port, moderator, urgentIds).size());
        }
        assertThat(urgentIds).hasSize(URGENT);
        assertThat(otherIds).hasSize(POSTS - URGENT);

        try (ConfigurableApplicationContext second = start(false)) {
            int port = port(second);
            Instant until = Instant.now().plus(Duration.ofSeconds(120));
            while (queuedOnce(port, moderator, urgentIds).size() < URGENT && Instant.now().isBefore(until)) {
                Thread.sleep(250);
            }
            assertQueueHoldsEachUrgentPostOnce(port, moderator, urgentIds, otherIds);
        }
        try (ConfigurableApplicationContext third = start(false)) {
            int port = port(third);
            Thread.sleep(2_000); // let any re-delivered publication land before counting again
            assertQueueHoldsEachUrgentPostOnce(port, moderator, urgentIds, otherIds);
        }
    }

    private void assertQueueHoldsEachUrgentPostOnce(int port, String moderator, Set<String> urgentIds, Set<String> otherIds)
            throws Exception {
        List<String> queued = new ArrayList<>();
        for (JsonNode item : queue(port, moderator)) {
            queued.add(item.path("subjectId").asString());
        }
        Map<String, Integer> counts = new HashMap<>();
        queued.forEach(id -> counts.merge(id, 1, Integer::sum));
        assertThat(counts.keySet()).as("every urgent post is queued").containsAll(urgentIds);
        assertThat(urgentIds).allSatisfy(id -> assertThat(counts.get(id)).as("queued once: " + id).isEqualTo(1));
        assertThat(counts.keySet()).as("calm posts are not queued").doesNotContainAnyElementsOf(otherIds);
        assertThat(queue(port, moderator).valueStream().filter(n -> urgentIds.contains(n.path("subjectId").asString()))
                .map(n -> n.path("band").asString()).distinct().toList()).containsExactly("urgent");
    }

    private Set<String> queuedOnce(int port, String moderator, Set<String> urgentIds) throws Exception {
        Set<String> found = new HashSet<>();
        for (JsonNode item : queue(port, moderator)) {
            String id = item.path("subjectId").asString();
            if (urgentIds.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    private JsonNode queue(int port, String moderator) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/moderation/queue"))
                .header("Authorization", basic(moderator)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String publish(int port, Browser browser, String title, String body) throws Exception {
        String json = JSON.writeValueAsString(Map.of("title", title, "body", body));
        HttpResponse<String> response = browser.http().send(HttpRequest.newBuilder(URI.create(base(port) + "/api/posts"))
                .header("X-XSRF-TOKEN", Browser.xsrf(browser.cookies())).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String email) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Command-line arguments, so they win over application.yaml as they would for an operator. */
    private static ConfigurableApplicationContext start(boolean clean) {
        return new SpringApplicationBuilder(VillageApplication.class).run(
                "--village.data-dir=target/test-data-safety-load",
                "--village.database.clean-embedded=" + clean,
                "--server.port=0",
                "--server.address=127.0.0.1",
                // Java's cookie store sends no Secure cookie over plain http, even on loopback (browsers do on localhost).
                "--server.servlet.session.cookie.secure=false",
                "--logging.level.app.village=WARN");
    }
}
