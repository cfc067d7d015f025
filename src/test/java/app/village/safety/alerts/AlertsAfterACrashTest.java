package app.village.safety.alerts;

import static app.village.safety.alerts.AlertedVillage.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.accounts.Member;
import app.village.community.domain.Post;
import app.village.safety.SafetyTexts;

/**
 * Village stops between an urgent item and its alert: the first start queues the items but sends nothing
 * (its dispatcher is off, as if the node died before it got to them; one item's alert is planned, the
 * other's may not even be, the stop comes as soon as the item is committed). After a restart on the same
 * database each alert goes out exactly once, and a further restart sends nothing again.
 */
// Its moderator and items are its own and it asserts only on them, so it can share a database with other classes.
@Tag("persistence")
class AlertsAfterACrashTest {

    private static final String DATA = "target/test-data-alerts-crash";

    @Test
    void anAlertInterruptedByAStopIsSentOnceAfterTheRestart() throws Exception {
        try (AlertedVillage harness = new AlertedVillage()) {
            String planned;
            String justQueued;
            Member mod;
            try (ConfigurableApplicationContext first = harness.start(DATA, true, "--village.alert.dispatch=false")) {
                Member writer = harness.member(first, "MOTHER", null);
                mod = harness.member(first, "FATHER", "MODERATOR");
                first.getBean(OnCall.class).set(AlertedVillage.user(mod), true);
                JdbcClient jdbc = first.getBean(JdbcClient.class);

                Post a = AlertedVillage.publish(first, writer.id(), SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM);
                planned = eventually(Duration.ofSeconds(60), () -> AlertedVillage.itemOf(first, a.id()).orElse(null));
                eventually(Duration.ofSeconds(30), () -> jdbc.sql("SELECT count(*) FROM safety_alert_steps WHERE item_id = ?::uuid")
                        .param(planned).query(Integer.class).optional().filter(n -> n == 3).orElse(null));

                Post b = AlertedVillage.publish(first, writer.id(), SafetyTexts.URGENT_TITLE + " again", SafetyTexts.URGENT_SELF_HARM);
                justQueued = eventually(Duration.ofSeconds(60), () -> AlertedVillage.itemOf(first, b.id()).orElse(null));
            }
            assertThat(harness.webhook.calls).as("nothing was sent before the stop").isZero();
            assertThat(harness.mail.getReceivedMessages()).isEmpty();

            try (ConfigurableApplicationContext second = harness.start(DATA, false)) {
                // Generous: on a shared database the restart also takes on what other classes left unfinished.
                for (String item : List.of(planned, justQueued)) {
                    eventually(Duration.ofSeconds(180), () -> harness.webhook.forItem(item, 0).stream().findFirst().orElse(null));
                    eventually(Duration.ofSeconds(180), () -> harness.mailsFor(item).stream().findFirst().orElse(null));
                }
                Thread.sleep(2_000);
                assertSentOnce(harness, mod, planned, justQueued);
            }
            try (ConfigurableApplicationContext third = harness.start(DATA, false)) {
                Thread.sleep(3_000); // time for anything re-delivered or re-polled to go out, if it were going to
                assertSentOnce(harness, mod, planned, justQueued);
                JdbcClient jdbc = third.getBean(JdbcClient.class);
                for (String item : List.of(planned, justQueued)) {
                    assertThat(jdbc.sql("""
                                    SELECT status || ':' || attempts FROM safety_alert_deliveries
                                    WHERE item_id = ?::uuid AND step = 0 AND (channel = 'webhook' OR recipient = ?)""")
                            .params(item, mod.id().toString()).query(String.class).list()).containsExactly("SENT:1", "SENT:1");
                }
                third.getBean(OnCall.class).set(AlertedVillage.user(mod), false);
            }
        }
    }

    private static void assertSentOnce(AlertedVillage harness, Member mod, String... items) {
        for (String item : items) {
            assertThat(harness.webhook.forItem(item, 0)).as("one webhook call for " + item).hasSize(1);
            assertThat(harness.mailsFor(item).stream().filter(m -> m.to().equals(harness.emails.get(mod.id()))))
                    .as("one email for " + item).hasSize(1);
        }
    }
}
