package app.village.safety.alerts;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import app.village.VillageApplication;
import app.village.accounts.Member;
import app.village.accounts.SignUp;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Village started as an operator would, with its alert channels pointing at real servers on loopback:
 * the {@link WebhookReceiver}, a GreenMail SMTP server and a {@link PushServiceReceiver} for browsers. Emails are timed as they land (a watcher
 * looks every 10 ms), so the tests can measure from a post's submission to its alert.
 */
public final class AlertedVillage implements AutoCloseable {

    static final String SECRET = "a webhook secret for the tests";
    static final String PUBLIC_URL = "https://village.example";
    static final String PUSH_SUBJECT = "mailto:alerts-operator@village.example";

    final WebhookReceiver webhook;
    final PushServiceReceiver push;
    final GreenMail mail;
    /** First moment each email was seen, by message id. */
    final Map<String, Instant> mailSeen = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    public AlertedVillage() throws Exception {
        webhook = new WebhookReceiver(SECRET);
        push = new PushServiceReceiver(PUSH_SUBJECT);
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
                "--logging.level.app.village=WARN",
                // A fresh Village does not take on the work other test classes left unfinished in a shared database (CI's
                // external PostgreSQL); a restart on its own database does, as an operator's would.
                "--spring.modulith.events.republish-outstanding-events-on-restart=" + !clean));
        args.addAll(channelArguments());
        Collections.addAll(args, more);
        return new SpringApplicationBuilder(VillageApplication.class).run(args.toArray(String[]::new));
    }

    /** The settings that point the three channels at this harness (a browser's push service must be allowed by the operator). */
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
                "--village.smtp.from=alerts@village.example",
                "--village.alert.web-push.enabled=true",
                "--village.alert.web-push.subject=" + PUSH_SUBJECT,
                "--village.alert.web-push.push-services=http://127.0.0.1");
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

    static final String PASSWORD = "a long enough password";
    /** The email of each member made by {@link #member}, for signing in with HTTP Basic. */
    final Map<UUID, String> emails = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A member through the real sign-up, with a role ({@code MODERATOR}, {@code ADMIN}) granted as the operator's command does. */
    Member member(ConfigurableApplicationContext village, String familyRole, String role) {
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

    static VillageUser user(Member m) {
        return new VillageUser(m.id(), m.handle(), m.familyRole(), m.roles(), null);
    }

    /** A request to the running Village, signed in as {@code as} with HTTP Basic (null: anonymous); {@code json} null for none. */
    HttpResponse<String> call(ConfigurableApplicationContext village, String method, String path, Member as, String json) throws Exception {
        int port = ((WebServerApplicationContext) village).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (emails.get(as.id()) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    /** An alert as its receiver got it: the item, the step, and the delivery id, which is the same on every resend of it. */
    public record Seen(String itemId, int step, String delivery) {
    }

    /** Every webhook call the receiver accepted (a signature that does not verify is refused). */
    public List<Seen> webhookCalls() {
        return webhook.accepted.stream().map(r -> new Seen(r.itemId(), r.step(), r.delivery())).toList();
    }

    /** Every email that reached {@code address} in the SMTP server. */
    public List<Seen> emailsTo(String address) {
        List<Seen> seen = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                if (!m.getAllRecipients()[0].toString().equals(address)) {
                    continue;
                }
                Matcher item = ITEM_LINK.matcher(GreenMailUtil.getBody(m));
                seen.add(new Seen(item.find() ? item.group(1) : null, Integer.parseInt(m.getHeader("X-Village-Step")[0]),
                        m.getHeader("X-Village-Delivery")[0]));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return seen;
    }

    private static final Pattern ITEM_LINK = Pattern.compile("/moderation/items/([0-9a-f-]{36})");

    /** When the receiver accepted each first-step webhook call for the item. */
    public List<Instant> webhookAt(String itemId) {
        return webhook.forItem(itemId, 0).stream().map(WebhookReceiver.Received::at).toList();
    }

    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
        webhook.close();
        push.close();
        mail.stop();
    }
}
