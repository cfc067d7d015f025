package app.village.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import app.village.safety.SafetyTexts;
import app.village.safety.alerts.AlertedVillage;
import app.village.support.VillageProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crash of the machine's processes mid-burst, as a container kill, an OOM kill or a power cut
 * does: the built Village and its PostgreSQL killed together with SIGKILL while 10 members post, then
 * started again on the same data directory, several rounds. Whatever a member was told was published
 * (201) must be there, once, and every urgent one in the moderators' queue, once. A post whose answer
 * never came is sent again with the same Idempotency-Key after the restart, as a client would. A moderator
 * is on call with a webhook receiver and an SMTP server (GreenMail) in this process, and escalation comes
 * after 15 s: every acknowledged urgent post's alert must arrive for each step (on call, next on call, the
 * admins) exactly once per item and step, however the kills fell.
 */
@Tag("fault")
class CrashFaultIT {

    private static final int CLIENTS = 10;
    private static final int POSTS = Integer.getInteger("village.fault.posts", 300);
    private static final int ROUNDS = Integer.getInteger("village.fault.rounds", 5);
    private static final String PASSWORD = "a long enough password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = Path.of("target", "fault-data").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "fault-logs").toAbsolutePath();
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(15);

    /** One post a member means to publish; its key stays the same however often it is sent. */
    record Submission(int client, UUID key, String title, String body, boolean urgent) {
    }

    private final Map<UUID, String> acknowledged = new ConcurrentHashMap<>(); // key -> post id answered with 201
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet(); // planned, no 201 yet
    private final Set<UUID> sentWithoutAnswer = ConcurrentHashMap.newKeySet();

    @Test
    void noAcknowledgedPostIsLostOrDuplicatedAcrossCrashes() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        FileSystemUtils.deleteRecursively(LOGS);
        Random random = new Random(12);
        List<Submission> all = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            boolean urgent = i % 10 == 3;
            all.add(new Submission(i % CLIENTS, UUID.randomUUID(), "fault-" + i + " " + (urgent ? SafetyTexts.URGENT_TITLE : SafetyTexts.CALM_TITLE),
                    urgent ? SafetyTexts.URGENT_SELF_HARM : SafetyTexts.CALM, urgent));
        }
        Map<UUID, Submission> byKey = new HashMap<>();
        all.forEach(s -> byKey.put(s.key(), s));
        List<String> emails = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            emails.add("fault-" + c + "@example.org");
        }
        String moderator = "fault-moderator@example.org";

        try (AlertedVillage alerts = new AlertedVillage()) {
            run(all, byKey, emails, moderator, random, alerts);
        }
    }

    private void run(List<Submission> all, Map<UUID, Submission> byKey, List<String> emails, String moderator, Random random,
                     AlertedVillage alerts) throws Exception {
        List<String> serve = new ArrayList<>(List.of("serve", "--village.alert.escalate-after=" + ESCALATE_AFTER.toSeconds() + "s"));
        serve.addAll(alerts.channelArguments());
        long began = System.nanoTime();
        int kills = 0;
        int next = 0;
        int perRound = (POSTS + ROUNDS - 1) / ROUNDS;
        for (int round = 1; round <= ROUNDS + 1; round++) {
            boolean last = round == ROUNDS + 1;
            try (VillageProcess village = VillageProcess.start(DATA, VillageProcess.freePort(), LOGS.resolve("round-" + round + ".log"),
                    serve.toArray(String[]::new))) {
                assertThat(village.awaitAnswer("/actuator/health/readiness", Duration.ofSeconds(180)))
                        .as("round %d: Village answers after the restart (log %s)", round, village.log()).isPresent();
                if (round == 1) {
                    for (String email : emails) {
                        signUp(village, email, "fault_" + email.substring(6, email.indexOf('@')).replace('-', '_'));
                    }
                    signUp(village, moderator, "fault_moderator");
                    assertThat(VillageProcess.run(DATA, LOGS.resolve("grant.log"), "admin", "grant", moderator, "moderator"))
                            .as("admin grant joins the running database").isZero();
                    goOnCall(village, moderator);
                }
                List<Submission> batch = new ArrayList<>();
                // First what was sent without an answer, with the same keys; then new posts.
                all.stream().filter(s -> pending.contains(s.key())).forEach(batch::add);
                int carried = batch.size();
                while (!last && next < all.size() && batch.size() < perRound + carried) {
                    batch.add(all.get(next++));
                }
                if (last) {
                    while (next < all.size()) {
                        batch.add(all.get(next++));
                    }
                }
                int killAfter = last ? Integer.MAX_VALUE : batch.size() / 4 + random.nextInt(Math.max(1, batch.size() / 2));
                boolean killed = burst(village, emails, batch, killAfter);
                if (killed) {
                    kills++;
                    continue;
                }
                assertThat(last).as("round %d ended before the kill", round).isTrue();
                verify(village, moderator, byKey);
                verifyAlerts(village, moderator, byKey, alerts);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        long urgentAcked = acknowledged.keySet().stream().filter(k -> byKey.get(k).urgent()).count();
        System.out.printf("FAULT rounds=%d kills=%d posts=%d acknowledged=%d (urgent %d) unanswered-resent=%d lost=0 duplicates=0 "
                        + "urgent-queued-once=%d seconds=%d%n",
                ROUNDS, kills, POSTS, acknowledged.size(), urgentAcked, resent.get(), urgentAcked, seconds);
        System.out.println(alertFigures);
    }

    private String alertFigures = "";

    private static void goOnCall(VillageProcess village, String moderator) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(village.base() + "/api/moderation/on-call"))
                .header("Authorization", basic(moderator)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onCall\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /**
     * Every acknowledged urgent post's item alerted at each step: the webhook at steps 0, 1 and 2 (nobody is next on
     * the rota and there are no admins, so the escalations go to the webhook alone) and the moderator on call by email
     * at step 0. Once per item and step: a second message would have its own delivery id. A kill in the instant
     * between a receiver's "OK" and Village recording it sends that same message again, with the same delivery id
     * (ADR 0013: receivers drop a repeated id); those are counted apart.
     */
    private void verifyAlerts(VillageProcess village, String moderator, Map<UUID, Submission> byKey, AlertedVillage alerts) throws Exception {
        Set<String> items = new HashSet<>();
        try (Connection c = DriverManager.getConnection(village.jdbcUrl(), village.credentials());
             PreparedStatement item = c.prepareStatement("SELECT id::text FROM safety_items WHERE subject_id = ?::uuid")) {
            for (Map.Entry<UUID, String> ack : acknowledged.entrySet()) {
                if (byKey.get(ack.getKey()).urgent()) {
                    item.setString(1, ack.getValue());
                    try (ResultSet rs = item.executeQuery()) {
                        assertThat(rs.next()).as("an item for urgent post %s", ack.getValue()).isTrue();
                        items.add(rs.getString(1));
                    }
                }
            }
        }
        int expected = items.size() * 4; // three webhook steps and one email each
        long deadline = System.nanoTime() + ESCALATE_AFTER.multipliedBy(2).plusSeconds(90).toNanos();
        while (delivered(alerts, moderator, items).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(2_000); // anything sent twice arrives now, if it were going to
        Map<String, Set<String>> byStep = delivered(alerts, moderator, items);
        int lost = expected - byStep.size();
        long twice = byStep.values().stream().filter(ids -> ids.size() > 1).count();
        List<AlertedVillage.Seen> received = new ArrayList<>(alerts.webhookCalls());
        received.addAll(alerts.emailsTo(moderator));
        long raw = received.stream().filter(s -> items.contains(s.itemId())).count();
        long resentSame = raw - byStep.values().stream().mapToInt(Set::size).sum();
        alertFigures = String.format("FAULT-ALERTS urgent-items=%d expected=%d (webhook steps 0-2 and an email each) received=%d lost=%d "
                + "duplicated=%d resent-with-the-same-delivery-id=%d", items.size(), expected, byStep.size(), lost, twice, resentSame);
        assertThat(lost).as("alerts lost (%s)", alertFigures).isZero();
        assertThat(twice).as("an item and step alerted by two different messages (%s)", alertFigures).isZero();
    }

    /** (channel, item, step) -> the delivery ids received for it. */
    private static Map<String, Set<String>> delivered(AlertedVillage alerts, String moderator, Set<String> items) {
        Map<String, Set<String>> byStep = new HashMap<>();
        for (AlertedVillage.Seen s : alerts.webhookCalls()) {
            if (items.contains(s.itemId())) {
                byStep.computeIfAbsent("webhook " + s.itemId() + " " + s.step(), k -> new HashSet<>()).add(s.delivery());
            }
        }
        for (AlertedVillage.Seen s : alerts.emailsTo(moderator)) {
            if (items.contains(s.itemId())) {
                byStep.computeIfAbsent("email " + s.itemId() + " " + s.step(), k -> new HashSet<>()).add(s.delivery());
            }
        }
        return byStep;
    }

    private final AtomicInteger resent = new AtomicInteger();

    /** The members post their batch at once; once {@code killAfter} posts are acknowledged, everything is killed. */
    private boolean burst(VillageProcess village, List<String> emails, List<Submission> batch, int killAfter) throws Exception {
        Map<Integer, Browser> browsers = new HashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            browsers.put(c, Browser.signedIn(village, emails.get(c)));
        }
        batch.forEach(s -> pending.add(s.key()));
        AtomicInteger acked = new AtomicInteger();
        Object killLock = new Object();
        boolean[] killed = {false};
        java.util.concurrent.atomic.AtomicBoolean killing = new java.util.concurrent.atomic.AtomicBoolean();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                List<Submission> mine = batch.stream().filter(s -> s.client() == client).toList();
                clients.add(pool.submit(() -> {
                    for (Submission s : mine) {
                        boolean again = sentWithoutAnswer.contains(s.key());
                        sentWithoutAnswer.add(s.key());
                        try {
                            HttpResponse<String> response = browsers.get(client).publish(village, s);
                            if (response.statusCode() != 201 && killing.get()) {
                                return null; // an answer from a dying server is no acknowledgement
                            }
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                            String id = JSON.readTree(response.body()).path("id").asString();
                            String before = acknowledged.putIfAbsent(s.key(), id);
                            assertThat(before == null || before.equals(id)).as("the same key gives the same post").isTrue();
                            pending.remove(s.key());
                            sentWithoutAnswer.remove(s.key());
                            if (again) {
                                resent.incrementAndGet();
                            }
                        } catch (java.io.IOException connectionLost) {
                            return null; // the server is gone: this member's remaining posts wait for the restart
                        }
                        if (acked.incrementAndGet() >= killAfter) {
                            synchronized (killLock) {
                                if (!killed[0]) {
                                    killing.set(true);
                                    village.killEverything();
                                    killed[0] = true;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        return killed[0];
    }

    private void verify(VillageProcess village, String moderator, Map<UUID, Submission> byKey) throws Exception {
        assertThat(pending).as("every post was answered in the end").isEmpty();
        try (Connection c = DriverManager.getConnection(village.jdbcUrl(), village.credentials());
             PreparedStatement count = c.prepareStatement("SELECT id::text FROM posts WHERE title = ?")) {
            int lost = 0;
            int duplicates = 0;
            for (Map.Entry<UUID, String> ack : acknowledged.entrySet()) {
                count.setString(1, byKey.get(ack.getKey()).title());
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = count.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                if (!ids.contains(ack.getValue())) {
                    lost++;
                }
                if (ids.size() > 1) {
                    duplicates++;
                }
            }
            assertThat(lost).as("acknowledged posts lost").isZero();
            assertThat(duplicates).as("posts stored twice").isZero();
        }
        assertThat(acknowledged).as("every post acknowledged once the crashes are over").hasSize(byKey.size());

        Set<String> urgentIds = ConcurrentHashMap.newKeySet();
        acknowledged.forEach((key, id) -> {
            if (byKey.get(key).urgent()) {
                urgentIds.add(id);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        Map<String, Integer> counts = queueCounts(village, moderator, urgentIds);
        while (counts.size() < urgentIds.size() && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            counts = queueCounts(village, moderator, urgentIds);
        }
        assertThat(counts.keySet()).as("every acknowledged urgent post reaches the moderators' queue").containsExactlyInAnyOrderElementsOf(urgentIds);
        assertThat(counts.values()).as("each once").allMatch(n -> n == 1);
    }

    private static String basic(String email) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Integer> queueCounts(VillageProcess village, String moderator, Set<String> urgentIds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(village.base() + "/api/moderation/queue"))
                .header("Authorization", basic(moderator))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode item : JSON.readTree(response.body())) {
            String id = item.path("subjectId").asString();
            if (urgentIds.contains(id)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void signUp(VillageProcess village, String email, String handle) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signup")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&handle=" + enc(handle) + "&familyRole=MOTHER&_csrf="
                + Browser.xsrf(cookies);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-up of %s: %s", email, response.body()).isEqualTo(302);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A member's browser: its own session and XSRF cookies. */
    private record Browser(HttpClient http, CookieManager cookies) {

        static Browser signedIn(VillageProcess village, String email) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
            http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signin")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String form = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + xsrf(cookies);
            HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(URI.create(village.base() + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signIn.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/feed");
            return new Browser(http, cookies);
        }

        static String xsrf(CookieManager cookies) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        HttpResponse<String> publish(VillageProcess village, Submission s) throws Exception {
            String json = JSON.writeValueAsString(Map.of("title", s.title(), "body", s.body()));
            return http.send(HttpRequest.newBuilder(URI.create(village.base() + "/api/posts"))
                    .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", s.key().toString())
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
