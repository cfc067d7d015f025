package app.village.safety.alerts;

import static app.village.safety.alerts.AlertedVillage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
import app.village.accounts.SignUp;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.community.domain.Post;
import app.village.safety.SafetyTexts;
import app.village.safety.queue.Moderation;

/**
 * On-call alerts end to end on real parts: posts read by the real analyser, the queue, the durable
 * events, the dispatcher, a webhook receiver that checks the signature, and GreenMail for SMTP. The
 * escalation deadline is 4 s here so the test can wait for it.
 */
// Runs against a fresh database of its own (the embedded step of CI): its on-call state and queue items are not
// isolated from other test classes sharing one external database, where they fail.
@Tag("embedded")
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsTest {

    private static final String PASSWORD = "a long enough password";
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(4);

    private AlertedVillage harness;
    private ConfigurableApplicationContext village;
    private JdbcClient jdbc;
    private Member writer;
    private Member onCallMod;
    private Member nextMod;
    private Member admin;
    private final Map<UUID, String> emails = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        harness = new AlertedVillage();
        village = harness.start("target/test-data-alerts", true, "--village.alert.escalate-after=" + ESCALATE_AFTER.toSeconds() + "s");
        jdbc = village.getBean(JdbcClient.class);
        writer = member("MOTHER", null);
        onCallMod = member("FATHER", "MODERATOR");
        nextMod = member("MOTHER", "MODERATOR");
        admin = member("MOTHER", "ADMIN");
        OnCall onCall = village.getBean(OnCall.class);
        onCall.set(user(onCallMod), true);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek().name();
        onCall.addSlot(user(admin), nextMod.id(), tomorrow, "09:00", "17:00");
    }

    @AfterAll
    void stop() {
        if (village != null) {
            village.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private Member member(String familyRole, String role) {
        AccountService accounts = village.getBean(AccountService.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "alerts-" + suffix + "@example.org";
        Member m = accounts.signUp(new SignUp(email, PASSWORD, "al_" + suffix, familyRole, List.of()));
        if (role != null) {
            accounts.grant(null, email, role);
        }
        emails.put(m.id(), email);
        return accounts.find(m.id()).orElseThrow();
    }

    private static VillageUser user(Member m) {
        return new VillageUser(m.id(), m.handle(), m.familyRole(), m.roles(), null);
    }

    private String urgentItem(String title) throws InterruptedException {
        Post post = AlertedVillage.publish(village, writer.id(), title, SafetyTexts.URGENT_SELF_HARM);
        return eventually(Duration.ofSeconds(60), () -> AlertedVillage.itemOf(village, post.id()).orElse(null));
    }

    private HttpResponse<String> get(String path, Member as) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
        if (as != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (emails.get(as.id()) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int port() {
        return ((WebServerApplicationContext) village).getWebServer().getPort();
    }

    private List<String> audit(String itemId) {
        return jdbc.sql("SELECT action FROM safety_audit WHERE item_id = ?::uuid ORDER BY id").param(itemId).query(String.class).list();
    }

    @Test
    @Order(1)
    void anUrgentPostPagesWhoeverIsOnCallByASignedWebhookAndByEmailWithNothingPersonal() throws Exception {
        String item = urgentItem(SafetyTexts.URGENT_TITLE);

        WebhookReceiver.Received hook = eventually(Duration.ofSeconds(10),
                () -> harness.webhook.forItem(item, 0).stream().findFirst().orElse(null));
        assertThat(hook.body().path("level").asString()).isEqualTo("urgent");
        assertThat(hook.body().path("waitingSeconds").asLong()).isBetween(0L, 10L);
        assertThat(hook.body().path("link").asString()).isEqualTo(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);
        assertThat(hook.delivery()).isNotBlank();
        assertThat(harness.webhook.refusedSignatures).isEmpty();

        AlertedVillage.Mail mail = eventually(Duration.ofSeconds(10), () -> harness.mailsFor(item).stream().findFirst().orElse(null));
        assertThat(mail.to()).isEqualTo(emails.get(onCallMod.id()));
        assertThat(mail.subject()).contains("urgent").contains("waiting");
        assertThat(mail.body()).contains(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);

        for (String sent : List.of(hook.rawBody(), mail.subject(), mail.body())) {
            assertThat(sent).as("an alert carries no text, no handle, no health detail")
                    .doesNotContain(SafetyTexts.URGENT_TITLE).doesNotContain("ending my life").doesNotContain("awake")
                    .doesNotContain(writer.handle()).doesNotContain("self_harm").doesNotContain(emails.get(writer.id()));
        }
        Thread.sleep(500);
        assertThat(harness.webhook.forItem(item, 0)).hasSize(1);
        assertThat(harness.mailsFor(item)).hasSize(1);
        assertThat(audit(item)).contains("ALERT").containsSubsequence("ALERT", "ALERT_SENT", "ALERT_SENT");

        String page = get("/moderation/items/" + item, onCallMod).body();
        assertThat(page).contains("id=\"alerts-heading\"").contains("data-channel=\"webhook\" data-status=\"SENT\"")
                .contains("data-channel=\"email\" data-status=\"SENT\"").contains(onCallMod.handle());
    }

    @Test
    @Order(2)
    void twentyUrgentPostsArePagedWithinFiveSeconds() throws Exception {
        List<Long> hookMs = new ArrayList<>();
        List<Long> mailMs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant submitted = Instant.now();
            Post post = AlertedVillage.publish(village, writer.id(), SafetyTexts.URGENT_TITLE + " " + i, SafetyTexts.URGENT_SELF_HARM);
            String item = eventually(Duration.ofSeconds(30), () -> AlertedVillage.itemOf(village, post.id()).orElse(null));
            Instant hook = eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(item, 0).stream()
                    .map(WebhookReceiver.Received::at).findFirst().orElse(null));
            Instant mail = eventually(Duration.ofSeconds(30), () -> harness.mailsFor(item).stream()
                    .filter(m -> m.to().equals(emails.get(onCallMod.id()))).map(AlertedVillage.Mail::seen).findFirst().orElse(null));
            hookMs.add(Duration.between(submitted, hook).toMillis());
            mailMs.add(Duration.between(submitted, mail).toMillis());
        }
        System.out.printf("ALERT-BENCH one at a time, 20 urgent posts: submit->webhook p50 %d ms p99 %d ms; submit->email p50 %d ms p99 %d ms%n",
                pct(hookMs, 50), pct(hookMs, 99), pct(mailMs, 50), pct(mailMs, 99));
        assertThat(pct(hookMs, 99)).as("webhook p99").isLessThanOrEqualTo(5_000);
        assertThat(pct(mailMs, 99)).as("email p99").isLessThanOrEqualTo(5_000);
    }

    @Test
    @Order(3)
    void anUnclaimedItemEscalatesToTheNextOnCallThenTheAdminsWithinTenSecondsOfEachDeadline() throws Exception {
        String item = urgentItem(SafetyTexts.URGENT_TITLE + " unclaimed");
        Instant created = jdbc.sql("SELECT created_at FROM safety_items WHERE id = ?::uuid").param(item).query(java.sql.Timestamp.class)
                .single().toInstant();

        Instant first = created.plus(ESCALATE_AFTER);
        WebhookReceiver.Received step1 = eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(item, 1).stream().findFirst().orElse(null));
        AlertedVillage.Mail nextMail = eventually(Duration.ofSeconds(30), () -> harness.mailsFor(item).stream()
                .filter(m -> m.to().equals(emails.get(nextMod.id()))).findFirst().orElse(null));
        assertThat(step1.at()).isAfterOrEqualTo(first.minusMillis(50)).isBefore(first.plusSeconds(10));
        assertThat(nextMail.seen()).isBefore(first.plusSeconds(10));
        assertThat(nextMail.subject()).contains("still unclaimed").contains("next on call");

        Instant second = created.plus(ESCALATE_AFTER.multipliedBy(2));
        WebhookReceiver.Received step2 = eventually(Duration.ofSeconds(30), () -> harness.webhook.forItem(item, 2).stream().findFirst().orElse(null));
        AlertedVillage.Mail adminMail = eventually(Duration.ofSeconds(30), () -> harness.mailsFor(item).stream()
                .filter(m -> m.to().equals(emails.get(admin.id()))).findFirst().orElse(null));
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

        Instant created = jdbc.sql("SELECT created_at FROM safety_items WHERE id = ?::uuid").param(item).query(java.sql.Timestamp.class)
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
            eventually(Duration.ofSeconds(10), () -> harness.mailsFor(item).stream().findFirst().orElse(null));
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
                .query(java.sql.Timestamp.class).single().toInstant();
        Instant lastFailure = jdbc.sql("SELECT max(at) FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED'").param(item)
                .query(java.sql.Timestamp.class).single().toInstant();
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
