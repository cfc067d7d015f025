package app.village.safety.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import app.village.VillageApplication;
import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;

import jakarta.mail.internet.MimeMessage;

/**
 * Village started as an operator would, with both alert channels pointing at real servers on loopback:
 * the {@link WebhookReceiver} and a GreenMail SMTP server. Emails are timed as they land (a watcher
 * looks every 10 ms), so the tests can measure from a post's submission to its alert.
 */
public final class AlertedVillage implements AutoCloseable {

    static final String SECRET = "a webhook secret for the tests";
    static final String PUBLIC_URL = "https://village.example";

    final WebhookReceiver webhook;
    final GreenMail mail;
    /** First moment each email was seen, by message id. */
    final Map<String, Instant> mailSeen = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    public AlertedVillage() throws Exception {
        webhook = new WebhookReceiver(SECRET);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        watcher = Thread.ofPlatform().daemon().start(() -> {
            while (watching) {
                for (MimeMessage m : mail.getReceivedMessages()) {
                    try {
                        mailSeen.putIfAbsent(m.getMessageID(), Instant.now());
                    } catch (Exception ignored) {
                        // a message still being written: seen next time
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Command-line arguments, so they win over application.yaml as an operator's would. */
    ConfigurableApplicationContext start(String dataDir, boolean clean, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--village.data-dir=" + dataDir,
                "--village.database.clean-embedded=" + clean,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.app.village=WARN"));
        args.addAll(channelArguments());
        Collections.addAll(args, more);
        return new SpringApplicationBuilder(VillageApplication.class).run(args.toArray(String[]::new));
    }

    /** The settings that point both channels at this harness. */
    public List<String> channelArguments() {
        return List.of(
                "--village.alert.webhook.url=" + webhook.url(),
                "--village.alert.webhook.secret=" + SECRET,
                "--village.alert.public-url=" + PUBLIC_URL,
                "--village.alert.retry-first=1s",
                "--village.alert.poll-every=500ms",
                "--village.smtp.host=127.0.0.1",
                "--village.smtp.port=" + mail.getSmtp().getPort(),
                "--village.smtp.tls=none",
                "--village.smtp.from=alerts@village.example");
    }

    /** Emails whose link is to this item, with their subject and the moment each was seen. */
    public record Mail(String to, String subject, String body, Instant seen) {
    }

    public List<Mail> mailsFor(String itemId) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String body = GreenMailUtil.getBody(m);
            if (body.contains("/moderation/items/" + itemId)) {
                try {
                    found.add(new Mail(m.getAllRecipients()[0].toString(), m.getSubject(), body,
                            mailSeen.getOrDefault(m.getMessageID(), Instant.now())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    static Post publish(ConfigurableApplicationContext village, UUID author, String title, String body) {
        return village.getBean(CommunityService.class).publishPost(author, new PostDraft(title, body, "COMMUNITY", null, null, null));
    }

    public static Optional<String> itemOf(ConfigurableApplicationContext village, UUID postId) {
        return village.getBean(JdbcClient.class).sql("SELECT id::text FROM safety_items WHERE subject_id = ?").param(postId)
                .query(String.class).optional();
    }

    static <T> T eventually(Duration within, Supplier<T> value) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        T v;
        while ((v = value.get()) == null) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("nothing after " + within);
            }
            Thread.sleep(10);
        }
        return v;
    }

    /** When the receiver accepted each first-step webhook call for the item. */
    public List<Instant> webhookAt(String itemId) {
        return webhook.forItem(itemId, 0).stream().map(WebhookReceiver.Received::at).toList();
    }

    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
        webhook.close();
        mail.stop();
    }
}
