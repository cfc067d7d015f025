package app.village.safety.alerts;

import static app.village.safety.alerts.AlertedVillage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.accounts.Member;
import app.village.community.domain.Post;
import app.village.safety.SafetyTexts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts by Web Push on real parts: a moderator's browsers subscribe through the API as the queue page's
 * script does, an urgent post read by the real analyser pages them, and a push service on loopback checks
 * the VAPID signature and decrypts each message with the browser's own private key. Each test uses its own
 * moderators and items, so the class shares a database with any other.
 */
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPushTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = Path.of("target/test-data-web-push");

    private AlertedVillage harness;
    private ConfigurableApplicationContext village;
    private JdbcClient jdbc;
    private Member writer;
    private final List<Member> onCall = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        harness = new AlertedVillage();
        village = harness.start(DATA.toString(), true);
        jdbc = village.getBean(JdbcClient.class);
        writer = harness.member(village, "MOTHER", null);
    }

    /** Only this test's moderators are on call while it runs; none stays on call for another class sharing the database. */
    @AfterEach
    void offCall() {
        onCall.forEach(m -> village.getBean(OnCall.class).set(AlertedVillage.user(m), false));
        onCall.clear();
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

    private Member moderatorOnCall() {
        Member mod = harness.member(village, "FATHER", "MODERATOR");
        village.getBean(OnCall.class).set(AlertedVillage.user(mod), true);
        onCall.add(mod);
        return mod;
    }

    private PushServiceReceiver.Browser subscribe(Member mod) throws Exception {
        PushServiceReceiver.Browser browser = harness.push.newBrowser();
        var answer = harness.call(village, "PUT", "/api/moderation/alert-browsers", mod, browser.subscriptionJson());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return browser;
    }

    private String urgentItem(String title) throws InterruptedException {
        Post post = AlertedVillage.publish(village, writer.id(), title, SafetyTexts.URGENT_SELF_HARM);
        return eventually(Duration.ofSeconds(60), () -> AlertedVillage.itemOf(village, post.id()).orElse(null));
    }

    private int stored(Member mod) {
        return jdbc.sql("SELECT count(*) FROM safety_push_subscriptions WHERE member_id = ?").param(mod.id()).query(Integer.class).single();
    }

    @Test
    void eachBrowserOfTheModeratorOnCallGetsOneSignedMessageOnlyItCanReadWithNothingPersonalInIt() throws Exception {
        Member mod = moderatorOnCall();
        Path keyFile = DATA.resolve(VapidKeyFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String page = harness.call(village, "GET", "/moderation", mod, null).body();
        String key = VapidKeyFile.loadOrCreate(DATA).getApplicationServerKey() == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(VapidKeyFile.loadOrCreate(DATA).getApplicationServerKey());
        assertThat(page).contains("Alert this browser").contains("data-key=\"" + key + "\"").contains("/js/alert-worker");

        PushServiceReceiver.Browser laptop = subscribe(mod);
        PushServiceReceiver.Browser phone = subscribe(mod);
        JsonNode mine = JSON.readTree(harness.call(village, "GET", "/api/moderation/alert-browsers", mod, null).body());
        assertThat(mine.path("browsers")).hasSize(2);
        assertThat(mine.path("applicationServerKey").asString()).isEqualTo(key);
        assertThat(mine.toString()).as("the endpoint is a capability: never shown back").doesNotContain(laptop.endpoint());

        String item = urgentItem(SafetyTexts.URGENT_TITLE + " pushed");
        for (PushServiceReceiver.Browser b : List.of(laptop, phone)) {
            PushServiceReceiver.Received got = eventually(Duration.ofSeconds(20), () -> harness.push.forItem(b, item).stream().findFirst().orElse(null));
            assertThat(got.vapidKey()).as("signed with the key in the data directory").isEqualTo(key);
            assertThat(got.json().path("url").asString()).isEqualTo(AlertedVillage.PUBLIC_URL + "/moderation/items/" + item);
            assertThat(got.json().path("body").asString()).contains("urgent item is waiting");
            assertThat(got.json().path("tag").asString()).isEqualTo("village-" + item + "-0");
            assertThat(got.headers()).containsEntry("Urgency", "high");
            assertThat(got.payload()).as("nothing personal: no text, no handle, no health detail")
                    .doesNotContain(SafetyTexts.URGENT_TITLE).doesNotContain("ending my life").doesNotContain("awake")
                    .doesNotContain(writer.handle()).doesNotContain("self_harm").doesNotContain(harness.emails.get(writer.id()))
                    .doesNotContain(mod.handle());
        }
        assertThat(harness.push.refused).isEmpty();
        Thread.sleep(500);
        assertThat(harness.push.forItem(laptop, item)).hasSize(1);
        assertThat(harness.push.forItem(phone, item)).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM safety_alert_deliveries WHERE item_id = ?::uuid AND channel = 'web-push' AND recipient = ?")
                .params(item, mod.id().toString()).query(String.class).list()).containsExactly("SENT");
        assertThat(harness.call(village, "GET", "/moderation/items/" + item, mod, null).body())
                .contains("data-channel=\"web-push\" data-status=\"SENT\"");
    }

    @Test
    void aBrowserThePushServiceSaysIsGoneIsForgottenAndTheOthersStillAlerted() throws Exception {
        Member mod = moderatorOnCall();
        PushServiceReceiver.Browser gone = subscribe(mod);
        PushServiceReceiver.Browser alive = subscribe(mod);
        harness.push.answer.put(gone.id(), 410);

        String item = urgentItem(SafetyTexts.URGENT_TITLE + " one browser gone");
        eventually(Duration.ofSeconds(20), () -> harness.push.forItem(alive, item).stream().findFirst().orElse(null));
        eventually(Duration.ofSeconds(10), () -> stored(mod) == 1 ? "dropped" : null);
        assertThat(harness.push.calls.get(gone.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM safety_audit WHERE item_id = ?::uuid ORDER BY id").param(item).query(String.class).list())
                .contains("ALERT_BROWSER_EXPIRED");

        // With none left, the message is not retried: there is nobody to reach by this channel.
        harness.push.answer.put(alive.id(), 404);
        String next = urgentItem(SafetyTexts.URGENT_TITLE + " every browser gone");
        eventually(Duration.ofSeconds(20), () -> jdbc.sql("""
                        SELECT status FROM safety_alert_deliveries WHERE item_id = ?::uuid AND channel = 'web-push' AND recipient = ?""")
                .params(next, mod.id().toString()).query(String.class).optional().filter("CANCELLED"::equals).orElse(null));
        assertThat(stored(mod)).isZero();
    }

    @Test
    void aFailingPushServiceIsRetriedWithBackoffAndTheRetryGoesOnlyToTheBrowserNotReached() throws Exception {
        Member mod = moderatorOnCall();
        PushServiceReceiver.Browser failing = subscribe(mod);
        PushServiceReceiver.Browser fine = subscribe(mod);
        harness.push.answer.put(failing.id(), 503);

        String item = urgentItem(SafetyTexts.URGENT_TITLE + " push service down");
        eventually(Duration.ofSeconds(30), () -> jdbc.sql("SELECT count(*) FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED' AND detail LIKE ?")
                .params(item, "web-push to member " + mod.id() + "%").query(Integer.class).single() >= 2 ? "failed twice" : null);
        harness.push.answer.remove(failing.id());
        eventually(Duration.ofSeconds(30), () -> harness.push.forItem(failing, item).stream().findFirst().orElse(null));
        Thread.sleep(500);

        assertThat(harness.push.forItem(fine, item)).as("reached once, not again on the retries").hasSize(1);
        assertThat(harness.push.forItem(failing, item)).hasSize(1);
        assertThat(jdbc.sql("""
                        SELECT status || ':' || (attempts >= 3) FROM safety_alert_deliveries
                        WHERE item_id = ?::uuid AND channel = 'web-push' AND recipient = ?""")
                .params(item, mod.id().toString()).query(String.class).single()).isEqualTo("SENT:true");
        List<Instant> failures = jdbc.sql("SELECT at FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED' AND detail LIKE ? ORDER BY at")
                .params(item, "web-push to member " + mod.id() + "%").query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Duration.between(failures.get(0), failures.get(1))).as("a wait before the retry").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(jdbc.sql("SELECT detail FROM safety_audit WHERE item_id = ?::uuid AND action = 'ALERT_FAILED' AND detail LIKE ? ORDER BY id LIMIT 1")
                .params(item, "web-push to member " + mod.id() + "%").query(String.class).single()).contains("HTTP 503");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Member mod = harness.member(village, "FATHER", "MODERATOR");
        PushServiceReceiver.Browser real = harness.push.newBrowser();
        String p256dh = real.keys().p256dh();
        String auth = real.keys().authText();
        byte[] offCurve = Base64.getUrlDecoder().decode(p256dh);
        offCurve[64] ^= 1;
        String[][] bad = {
                {"{\"endpoint\":\"https://evil.example/push/1\",\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"" + auth + "\"}}", "endpoint"},
                {"{\"endpoint\":\"http://fcm.googleapis.com/x\",\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"" + auth + "\"}}", "endpoint"},
                {"{\"endpoint\":\"" + real.endpoint() + "\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"" + auth + "\"}}", "keys.p256dh"},
                {"{\"endpoint\":\"" + real.endpoint() + "\",\"keys\":{\"p256dh\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve)
                        + "\",\"auth\":\"" + auth + "\"}}", "keys.p256dh"},
                {"{\"endpoint\":\"" + real.endpoint() + "\",\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"c2hvcnQ\"}}", "keys.auth"},
                {"{\"endpoint\":\"" + real.endpoint() + "\"}", "keys"},
        };
        for (String[] b : bad) {
            var answer = harness.call(village, "PUT", "/api/moderation/alert-browsers", mod, b[0]);
            assertThat(answer.statusCode()).as(b[0]).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("field").asString()).as(answer.body()).isEqualTo(b[1]);
        }
        Member parent = harness.member(village, "MOTHER", null);
        assertThat(harness.call(village, "PUT", "/api/moderation/alert-browsers", parent, real.subscriptionJson()).statusCode()).isEqualTo(403);
        assertThat(stored(mod)).isZero();
        assertThat(stored(parent)).isZero();
    }

    @Test
    void aModeratorRemovesTheirOwnBrowsersAndNobodyElsesAndARemovedBrowserIsNotAlerted() throws Exception {
        Member mod = moderatorOnCall();
        Member colleague = harness.member(village, "MOTHER", "MODERATOR");
        PushServiceReceiver.Browser browser = subscribe(mod);
        String endpoint = "{\"endpoint\":\"" + browser.endpoint() + "\"}";

        assertThat(harness.call(village, "DELETE", "/api/moderation/alert-browsers", colleague, endpoint).statusCode()).isEqualTo(404);
        UUID id = jdbc.sql("SELECT id FROM safety_push_subscriptions WHERE member_id = ?").param(mod.id()).query(UUID.class).single();
        assertThat(harness.call(village, "POST", "/moderation/alert-browsers/" + id + "/delete", colleague, null).statusCode()).isEqualTo(404);
        assertThat(stored(mod)).isEqualTo(1);

        assertThat(harness.call(village, "DELETE", "/api/moderation/alert-browsers", mod, endpoint).statusCode()).isEqualTo(204);
        assertThat(stored(mod)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ? AND action IN ('ALERT_BROWSER_ADDED', 'ALERT_BROWSER_REMOVED')")
                .param(mod.id()).query(Integer.class).single()).isEqualTo(2);

        String item = urgentItem(SafetyTexts.URGENT_TITLE + " after removal");
        eventually(Duration.ofSeconds(20), () -> harness.webhook.forItem(item, 0).stream().findFirst().orElse(null));
        Thread.sleep(500);
        assertThat(harness.push.forBrowser(browser)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM safety_alert_deliveries WHERE item_id = ?::uuid AND channel = 'web-push' AND recipient = ?")
                .params(item, mod.id().toString()).query(Integer.class).single()).as("nobody to push to: nothing planned").isZero();
    }
}
