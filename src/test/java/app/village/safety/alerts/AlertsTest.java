package app.village.safety.alerts;

import static app.village.safety.alerts.AlertedVillage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.accounts.Member;
import app.village.accounts.VillageUser;
import app.village.community.domain.Post;
import app.village.safety.SafetyTexts;
import app.village.safety.queue.Moderation;
import app.village.support.SignedInClient;
import app.village.understanding.Analyzer;
import app.village.understanding.TextToAnalyze;
import tools.jackson.databind.json.JsonMapper;

/**
 * On-call alerts end to end on real parts: posts read by the real analyser, the queue, the durable
 * events, the dispatcher, a webhook receiver that checks the signature, GreenMail for SMTP and a push
 * service on loopback that decrypts with the browser's key. The escalation deadline is 4 s here so the test
 * can wait for it. Its moderators, rota slot and items are its own, and it asserts only on them, so it can
 * share a database with other classes (CI's external PostgreSQL).
 */
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(4);
    private static final int POSTS = 200;
    private static final int URGENT = 20;
    private static final int WRITERS = 20;

    private AlertedVillage harness;
    private ConfigurableApplicationContext village;
    private JdbcClient jdbc;
    private Member writer;
    private Member onCallMod;
    private Member nextMod;
    private Member admin;
    private UUID nextSlot;
    private PushServiceReceiver.Browser modBrowser;

    private final Instant started = Instant.now();

    @BeforeAll
    void start() throws Exception {
        harness = new AlertedVillage();
        village = harness.start("target/test-data-alerts", true, "--village.alert.escalate-after=" + ESCALATE_AFTER.toSeconds() + "s",
                "--server.servlet.session.cookie.secure=false");
        jdbc = village.getBean(JdbcClient.class);
        // The model loads on its first reading; loaded here, so that the first test measures alerting, not the load.
        village.getBean(Analyzer.class).analyze(TextToAnalyze.of(SafetyTexts.CALM));
        writer = harness.member(village, "MOTHER", null);
        onCallMod = harness.member(village, "FATHER", "MODERATOR");
        nextMod = harness.member(village, "MOTHER", "MODERATOR");
        admin = harness.member(village, "MOTHER", "ADMIN");
        OnCall onCall = village.getBean(OnCall.class);
        onCall.set(user(onCallMod), true);
        // Next on the rota: a slot starting half an hour from now, sooner than any other class's would.
        ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime to = from.plusMinutes(30);
        nextSlot = onCall.addSlot(user(admin), nextMod.id(), from.getDayOfWeek().name(), from.toLocalTime().toString(),
                to.toLocalDate().equals(from.toLocalDate()) ? to.toLocalTime().toString() : "24:00");
        modBrowser = harness.push.newBrowser();
        assertThat(harness.call(village, "PUT", "/api/moderation/alert-browsers", onCallMod, modBrowser.subscriptionJson()).statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (village != null) {
            // Leave no unfinished readings of the burst for another class's Village on a shared database to take on.
            Instant until = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(until) && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                    + "AND publication_date >= ?").param(Timestamp.from(started)).query(Integer.class).single() > 0) {
                Thread.sleep(500);
            }
            OnCall onCall = village.getBean(OnCall.class);
            onCall.set(user(onCallMod), false);
            onCall.removeSlot(user(admin), nextSlot);
            village.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private static VillageUser user(Member m) {
        return AlertedVillage.user(m);
    }

    private String urgentItem(String title) throws InterruptedException {
        Post post = AlertedVillage.publish(village, writer.id(), title, SafetyTexts.URGENT_SELF_HARM);
        return eventually(Duration.ofSeconds(60), () -> AlertedVillage.itemOf(village, post.id()).orElse(null));
    }

    private HttpResponse<String> get(String path, Member as) throws Exception {
        return harness.call(village, "GET", path, as, null);
    }

    private int port() {
        return ((WebServerApplicationContext) village).getWebServer().getPort();
    }

    private List<String> audit(String itemId) {
        return jdbc.sql("SELECT action FROM safety_audit WHERE item_id = ?::uuid ORDER BY id").param(itemId).query(String.class).list();
    }

    private List<AlertedVillage.Mail> mailsTo(String itemId, Member to) {
        return harness.mailsFor(itemId).stream().filter(m -> m.to().equals(harness.emails.get(to.id()))).toList();
    }

    @Test
    @Order(1)
    void anUrgentPostPagesWhoeverIsOnCallWithinFiveSecondsByASignedWebhookEmailAndPushWithNothingPersonal() throws Exception {
        Instant submitted = Instant.now();
        String item = urgentItem(SafetyTexts.URGENT_TITLE);

        WebhookReceiver.Received hook = eventually(Duration.ofSeconds(10),
                () -> harness.webhook.forItem(item, 0).stream().findFirst().orElse(null));
        assertThat(hook.body().path("level").asString()).isEqualTo("urgent");
        assertThat(hook.body().path("waitingSeconds").asLong()).isBetween(0L, 10L);
        assertThat(hook.body().path("link").asString()).isEqualTo(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);
        assertThat(hook.delivery()).isNotBlank();
        assertThat(harness.webhook.refusedSignatures).isEmpty();

        AlertedVillage.Mail mail = eventually(Duration.ofSeconds(10), () -> mailsTo(item, onCallMod).stream().findFirst().orElse(null));
        assertThat(mail.subject()).contains("urgent").contains("waiting");
        assertThat(mail.body()).contains(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);
        PushServiceReceiver.Received push = eventually(Duration.ofSeconds(10),
                () -> harness.push.forItem(modBrowser, item).stream().findFirst().orElse(null));
        assertThat(push.json().path("url").asString()).isEqualTo(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);

        for (String sent : List.of(hook.rawBody(), mail.subject(), mail.body(), push.payload())) {
            assertThat(sent).as("an alert carries no text, no handle, no health detail")
                    .doesNotContain(SafetyTexts.URGENT_TITLE).doesNotContain("ending my life").doesNotContain("awake")
                    .doesNotContain(writer.handle()).doesNotContain("self_harm").doesNotContain(harness.emails.get(writer.id()));
        }
        for (Instant received : List.of(hook.at(), mail.seen(), push.at())) {
            assertThat(Duration.between(submitted, received)).as("from submission to the alert").isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
        Thread.sleep(500);
        assertThat(harness.webhook.forItem(item, 0)).hasSize(1);
        assertThat(mailsTo(item, onCallMod)).hasSize(1);
        assertThat(harness.push.forItem(modBrowser, item)).hasSize(1);
        assertThat(audit(item)).contains("ALERT").containsSubsequence("ALERT", "ALERT_SENT", "ALERT_SENT", "ALERT_SENT");

        String page = get("/moderation/items/" + item, onCallMod).body();
        assertThat(page).contains("id=\"alerts-heading\"").contains("data-channel=\"webhook\" data-status=\"SENT\"")
                .contains("data-channel=\"email\" data-status=\"SENT\"").contains("data-channel=\"web-push\" data-status=\"SENT\"")
                .contains(onCallMod.handle());
    }

    /**
     * The load target: 200 posts submitted at once over HTTP by 20 signed-in members, 20 of them urgent (in
     * a shuffled order), each read by the real analyser. From each urgent item's queueing to the webhook's receipt,
     * the email in GreenMail and the push at the moderator's browser: p99 at most 5 s (from submission is printed too,
     * and is mostly the reading of the burst). The burst's items are left
     * unclaimed, so each escalates twice while the others are still being read and alerted: each escalation within
     * 10 s of its deadline. And every item's alert exactly once per step and recipient.
     */
    @Test
    @Order(2)
    void twoHundredPostsAtOnceTheirTwentyUrgentItemsArePagedWithinFiveSecondsOfQueueingAndEscalatedWithinTenSecondsOfEachDeadline() throws Exception {
        String base = "http://127.0.0.1:" + port();
        List<SignedInClient> clients = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Member w = harness.member(village, "MOTHER", null);
            clients.add(SignedInClient.signIn(base, harness.emails.get(w.id()), AlertedVillage.PASSWORD));
        }
        List<Boolean> urgent = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            urgent.add(i < URGENT);
        }
        Collections.shuffle(urgent, new Random(18));
        Map<String, Instant> submitted = new ConcurrentHashMap<>(); // urgent post id -> the moment before its request was sent
        Instant began = Instant.now();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                boolean isUrgent = urgent.get(i);
                SignedInClient client = clients.get(i % WRITERS);
                String title = (isUrgent ? SafetyTexts.URGENT_TITLE : SafetyTexts.CALM_TITLE) + " burst " + i;
                sent.add(pool.submit(() -> {
                    Instant at = Instant.now();
                    HttpResponse<String> answer = client.publish(title, isUrgent ? SafetyTexts.URGENT_SELF_HARM : SafetyTexts.CALM, UUID.randomUUID());
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    if (isUrgent) {
                        submitted.put(JSON.readTree(answer.body()).path("id").asString(), at);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        long acceptedMs = Duration.between(began, Instant.now()).toMillis();
        assertThat(submitted).hasSize(URGENT);

        // Polled gently (every 200 ms): the receivers stamp each arrival themselves, so polling adds nothing to the figures.
        Map<String, String> items = new HashMap<>(); // post id -> item id
        Map<String, Instant> hookAt = new HashMap<>();
        Map<String, Instant> mailAt = new HashMap<>();
        Map<String, Instant> pushAt = new HashMap<>();
        Instant until = Instant.now().plusSeconds(300); // a bound on waiting only: the figures are measured, not capped
        while ((hookAt.size() < URGENT || mailAt.size() < URGENT || pushAt.size() < URGENT) && Instant.now().isBefore(until)) {
            for (String post : submitted.keySet()) {
                String item = items.computeIfAbsent(post, p -> AlertedVillage.itemOf(village, UUID.fromString(p)).orElse(null));
                if (item == null) {
                    items.remove(post);
                    continue;
                }
                harness.webhook.forItem(item, 0).stream().findFirst().ifPresent(r -> hookAt.putIfAbsent(post, r.at()));
                harness.push.forItem(modBrowser, item).stream().findFirst().ifPresent(r -> pushAt.putIfAbsent(post, r.at()));
            }
            for (Map.Entry<String, String> e : items.entrySet()) {
                if (!mailAt.containsKey(e.getKey())) {
                    mailsTo(e.getValue(), onCallMod).stream().findFirst().ifPresent(m -> mailAt.put(e.getKey(), m.seen()));
                }
            }
            Thread.sleep(200);
        }
        assertThat(items).as("every urgent post queued").hasSize(URGENT);
        assertThat(hookAt).as("a webhook call for every urgent post").hasSize(URGENT);
        assertThat(mailAt).as("an email for every urgent post").hasSize(URGENT);
        assertThat(pushAt).as("a push for every urgent post").hasSize(URGENT);
        Map<String, Instant> queuedAt = new HashMap<>();
        items.forEach((post, item) -> queuedAt.put(post, jdbc.sql("SELECT created_at FROM safety_items WHERE id = ?::uuid").param(item)
                .query(Timestamp.class).single().toInstant()));
        List<Long> readMs = latencies(submitted, queuedAt);
        List<Long> hookMs = latencies(submitted, hookAt);
        List<Long> mailMs = latencies(submitted, mailAt);
        List<Long> pushMs = latencies(submitted, pushAt);
        List<Long> queuedHookMs = latencies(queuedAt, hookAt);
        List<Long> queuedMailMs = latencies(queuedAt, mailAt);
        List<Long> queuedPushMs = latencies(queuedAt, pushAt);

        // Each escalation against its own deadline (the step's due time, ESCALATE_AFTER and twice that after the item opened).
        List<Long> lateness1 = new ArrayList<>();
        List<Long> lateness2 = new ArrayList<>();
        for (String item : items.values()) {
            for (int step = 1; step <= 2; step++) {
                int s = step;
                Instant due = jdbc.sql("SELECT due_at FROM safety_alert_steps WHERE item_id = ?::uuid AND step = ?").params(item, s)
                        .query(Timestamp.class).single().toInstant();
                Instant at = eventually(Duration.ofSeconds(60), () -> harness.webhook.forItem(item, s).stream().findFirst()
                        .map(WebhookReceiver.Received::at).orElse(null));
                (step == 1 ? lateness1 : lateness2).add(Duration.between(due, at).toMillis());
            }
        }
        Thread.sleep(1_000);
        for (String item : items.values()) {
            for (int step = 0; step <= 2; step++) {
                assertThat(harness.webhook.forItem(item, step)).as("one webhook call for item %s step %d", item, step).hasSize(1);
            }
            assertThat(mailsTo(item, onCallMod)).as("one email to the moderator on call").hasSize(1);
            eventually(Duration.ofSeconds(30), () -> mailsTo(item, nextMod).isEmpty() || mailsTo(item, admin).isEmpty() ? null : "both");
            assertThat(mailsTo(item, nextMod)).as("one email to the next on call").hasSize(1);
            assertThat(mailsTo(item, admin)).as("one email to the admin").hasSize(1);
            assertThat(harness.push.forItem(modBrowser, item)).as("one push to the browser on call").hasSize(1);
        }
        System.out.printf("ALERT-BENCH %d posts at once (%d urgent), accepted in %d ms: submit->webhook p50 %d p99 %d max %d ms; "
                        + "submit->email p50 %d p99 %d max %d ms; submit->push p50 %d p99 %d max %d ms%n",
                POSTS, URGENT, acceptedMs, pct(hookMs, 50), pct(hookMs, 99), pct(hookMs, 100), pct(mailMs, 50), pct(mailMs, 99),
                pct(mailMs, 100), pct(pushMs, 50), pct(pushMs, 99), pct(pushMs, 100));
        System.out.printf("ALERT-BENCH of which submit->queued (the reading) p50 %d p99 %d max %d ms; from queued: webhook p50 %d p99 %d "
                        + "max %d ms, email p50 %d p99 %d max %d ms, push p50 %d p99 %d max %d ms%n",
                pct(readMs, 50), pct(readMs, 99), pct(readMs, 100), pct(queuedHookMs, 50), pct(queuedHookMs, 99), pct(queuedHookMs, 100),
                pct(queuedMailMs, 50), pct(queuedMailMs, 99), pct(queuedMailMs, 100), pct(queuedPushMs, 50), pct(queuedPushMs, 99),
                pct(queuedPushMs, 100));
        System.out.printf("ALERT-ESCALATION under the burst (deadline %d s): next on call p50 %d p99 %d max %d ms after the deadline; "
                        + "admins p50 %d p99 %d max %d ms after theirs%n",
                ESCALATE_AFTER.toSeconds(), pct(lateness1, 50), pct(lateness1, 99), pct(lateness1, 100), pct(lateness2, 50),
                pct(lateness2, 99), pct(lateness2, 100));
        // What the alerts own, from the item entering the queue: within 5 s at p99 on every channel, under the burst. The time
        // before that is the reading of 200 posts queued at once, which the figures above show and README discusses; a single
        // urgent post's end-to-end time is held to 5 s by the first test.
        assertThat(pct(queuedHookMs, 99)).as("queued->webhook p99").isLessThanOrEqualTo(5_000);
        assertThat(pct(queuedMailMs, 99)).as("queued->email p99").isLessThanOrEqualTo(5_000);
        assertThat(pct(queuedPushMs, 99)).as("queued->push p99").isLessThanOrEqualTo(5_000);
        for (List<Long> lateness : List.of(lateness1, lateness2)) {
            assertThat(pct(lateness, 0)).as("no escalation before its deadline").isGreaterThanOrEqualTo(-50L);
            assertThat(pct(lateness, 100)).as("every escalation within 10 s of its deadline").isLessThanOrEqualTo(10_000L);
        }
    }

    private static List<Long> latencies(Map<String, Instant> from, Map<String, Instant> to) {
        return from.entrySet().stream().map(e -> Duration.between(e.getValue(), to.get(e.getKey())).toMillis()).toList();
    }

    @Test
    @Order(3)
    void anUnclaimedItemEscalatesToTheNextOnCallThenTheAdminsWithinTenSecondsOfEachDeadline() throws Exception {
        String item = urgentItem(SafetyTexts.URGENT_TITLE + " unclaimed");
        Instant created = jdbc.sql("SELECT created_at FROM safety_items WHERE id = ?::uuid").param(item).query(Timestamp.class)
                .single().toInstant();

        Instant first = created.plus(ESCALATE_AFTER);
        WebhookReceiver.Received step1 = eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(item, 1).stream().findFirst().orElse(null));
        AlertedVillage.Mail nextMail = eventually(Duration.ofSeconds(30), () -> mailsTo(item, nextMod).stream().findFirst().orElse(null));
        assertThat(step1.at()).isAfterOrEqualTo(first.minusMillis(50)).isBefore(first.plusSeconds(10));
        assertThat(nextMail.seen()).isBefore(first.plusSeconds(10));
        assertThat(nextMail.subject()).contains("still unclaimed").contains("next on call");

        Instant second = created.plus(ESCALATE_AFTER.multipliedBy(2));
        WebhookReceiver.Received step2 = eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(item, 2).stream().findFirst().orElse(null));
        AlertedVillage.Mail adminMail = eventually(Duration.ofSeconds(30), () -> mailsTo(item, admin).stream().findFirst().orElse(null));
        assertThat(step2.at()).isAfterOrEqualTo(second.minusMillis(50)).isBefore(second.plusSeconds(10));
        assertThat(adminMail.seen()).isBefore(second.plusSeconds(10));
        System.out.printf("ALERT-ESCALATION next on call %d ms after its deadline, admins %d ms after theirs%n",
                Duration.between(first, step1.at()).toMillis(), Duration.between(second, step2.at()).toMillis());

        assertThat(audit(item).stream().filter("ALERT_ESCALATED"::equals)).hasSize(2);
        String page = get("/moderation/items/" + item, onCallMod).body();
        assertThat(page).contains("escalation: next on call").contains("escalation: admins").contains(nextMod.handle())
                .contains(admin.handle());
    }

    @Test
    @Order(4)
    void aClaimedItemDoesNotEscalate() throws Exception {
        String item = urgentItem(SafetyTexts.URGENT_TITLE + " claimed");
        eventually(Duration.ofSeconds(10), () -> harness.webhook.forItem(item, 0).stream().findFirst().orElse(null));
        Moderation moderation = village.getBean(Moderation.class);
        int version = moderation.row(user(onCallMod), UUID.fromString(item)).item().version();
        moderation.claim(user(onCallMod), UUID.fromString(item), version, false);

        Instant created = jdbc.sql("SELECT created_at FROM safety_items WHERE id = ?::uuid").param(item).query(Timestamp.class)
                .single().toInstant();
        eventually(Duration.ofSeconds(30), () -> jdbc.sql("SELECT outcome FROM safety_alert_steps WHERE item_id = ?::uuid AND step = 1")
                .param(item).query(String.class).optional().filter(o -> o != null).orElse(null));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), created.plus(ESCALATE_AFTER.multipliedBy(2)).plusSeconds(2)).toMillis()));
        assertThat(harness.webhook.forItem(item, 1)).isEmpty();
        assertThat(harness.webhook.forItem(item, 2)).isEmpty();
        assertThat(jdbc.sql("SELECT outcome FROM safety_alert_steps WHERE item_id = ?::uuid ORDER BY step").param(item)
                .query(String.class).list()).containsExactly("on call", "not needed: claimed", "not needed: claimed");
        assertThat(audit(item)).doesNotContain("ALERT_ESCALATED");
    }

    @Test
    @Order(5)
    void aFailingChannelIsRetriedWithBackoffAndShowsOnTheAdminPageAndInTheHealthEndpoint() throws Exception {
        harness.webhook.status = 503;
        String item;
        try {
            item = urgentItem(SafetyTexts.URGENT_TITLE + " while the webhook is down");
            eventually(Duration.ofSeconds(20), () -> jdbc.sql("SELECT attempts FROM safety_alert_deliveries WHERE item_id = ?::uuid AND channel = 'webhook' AND step = 0")
                    .param(item).query(Integer.class).optional().filter(a -> a >= 2).orElse(null));
            HttpResponse<String> health = get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).as("no details for anyone").doesNotContain("webhook");
            HttpResponse<String> forAdmin = get("/actuator/health/alerts", admin);
            assertThat(forAdmin.statusCode()).isEqualTo(503);
            assertThat(forAdmin.body()).contains("DOWN").contains("failing (HTTP 503");
            assertThat(get("/admin/alerts", admin).body()).contains("data-channel=\"webhook\" data-failing=\"true\"").contains("HTTP 503");
            // Email is a separate channel and kept working.
            eventually(Duration.ofSeconds(10), () -> mailsTo(item, onCallMod).stream().findFirst().orElse(null));
        } finally {
            harness.webhook.status = 204;
        }
        String recovered = item;
        eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(recovered, 0).stream().findFirst().orElse(null));
        eventually(Duration.ofSeconds(30), () -> get200("/actuator/health"));
        assertThat(get("/admin/alerts", admin).body()).contains("data-channel=\"webhook\" data-failing=\"false\"");
        assertThat(harness.webhook.forItem(item, 0)).hasSize(1);
        List<String> audit = audit(item);
        assertThat(audit).containsSubsequence("ALERT", "ALERT_FAILED", "ALERT_FAILED", "ALERT_SENT");
        Instant firstFailure = jdbc.sql("SELECT min(at) FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED'").param(item)
                .query(Timestamp.class).single().toInstant();
        Instant lastFailure = jdbc.sql("SELECT max(at) FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED'").param(item)
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(firstFailure, lastFailure)).as("waits between tries").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    private String get200(String path) {
        try {
            return get(path, null).statusCode() == 200 ? "up" : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
