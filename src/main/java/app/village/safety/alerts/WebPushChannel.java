package app.village.safety.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;

import app.village.accounts.StaffContacts;
import app.village.platform.VillageProperties;
import app.village.safety.queue.AuditLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes an alert to every browser the person asked to be alerted in, through each browser's push service:
 * the payload encrypted to the browser's key (RFC 8291, aes128gcm) and the request signed with Village's
 * VAPID key (RFC 8292), both by the interaso web-push library on the JDK's own crypto. The payload is the
 * alert's headline and link, nothing else. A browser whose subscription the push service says is gone
 * (404, 410) is forgotten; when one of several browsers fails, the retry goes only to the ones not reached.
 */
@Component
class WebPushChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(WebPushChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebPushProperties properties;
    private final PushSubscriptionRepository subscriptions;
    private final StaffContacts staff;
    private final AuditLog audit;
    private final Clock clock;
    private final WebPush webPush;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    WebPushChannel(WebPushProperties properties, VillageProperties village, PushSubscriptionRepository subscriptions, StaffContacts staff,
                   AuditLog audit, Clock clock) {
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.webPush = properties.enabled() ? new WebPush(properties.subject(), keys(village)) : null;
    }

    private static VapidKeys keys(VillageProperties village) {
        try {
            return VapidKeyFile.loadOrCreate(village.dataDir().toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + VapidKeyFile.NAME + " in the data directory", e);
        }
    }

    @Override
    public String name() {
        return "web-push";
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    public boolean perPerson() {
        return true;
    }

    @Override
    public boolean reaches(UUID member) {
        return subscriptions.count(member) > 0;
    }

    /** What a browser's script passes to {@code pushManager.subscribe}: the public key, base64url, uncompressed point. */
    String applicationServerKey() {
        return webPush == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(webPush.getVapidKeys().getApplicationServerKey());
    }

    @Override
    public void send(Alert alert, UUID recipient) throws Exception {
        if (staff.staffEmail(recipient).isEmpty()) {
            throw new NoRecipient("no longer a moderator or admin");
        }
        byte[] payload = payload(alert);
        Set<UUID> reachedBefore = subscriptions.reached(alert.deliveryId());
        int reached = 0;
        int expired = 0;
        Exception failure = null;
        for (PushSubscriptionRepository.Subscription s : subscriptions.forMember(recipient)) {
            if (reachedBefore.contains(s.id())) {
                reached++;
                continue;
            }
            URI endpoint = URI.create(s.endpoint());
            if (!properties.allows(endpoint)) {
                continue; // the operator no longer allows this push service
            }
            try {
                int status = post(endpoint, s, payload);
                if (status / 100 == 2) {
                    subscriptions.markReached(alert.deliveryId(), s.id());
                    reached++;
                } else if (status == 404 || status == 410) {
                    subscriptions.delete(recipient, s.id());
                    expired++;
                    audit.record(null, "ALERT_BROWSER_EXPIRED", alert.itemId(), null, null, null, null,
                            "member " + recipient + ": the push service answered " + status + ", browser forgotten", clock.instant());
                } else {
                    failure = new Refused(status);
                }
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (reached == 0) {
            throw new NoRecipient(expired > 0 ? "every browser's subscription had expired" : "no browser to alert");
        }
        log.debug("Alert {} pushed to {} browsers", alert.deliveryId(), reached);
    }

    private int post(URI endpoint, PushSubscriptionRepository.Subscription s, byte[] payload) throws IOException, InterruptedException {
        Base64.Decoder base64 = Base64.getUrlDecoder();
        byte[] body = webPush.getBody(payload, base64.decode(s.p256dh()), base64.decode(s.auth()));
        Map<String, String> headers = webPush.getHeaders(s.endpoint(), (int) properties.ttl().toSeconds(), null, WebPush.Urgency.High);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The headline and the link, and a tag so that a browser shows one notice per item and step, however often it arrives. */
    static byte[] payload(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Village alert");
        body.put("body", alert.headline() + " (waiting " + alert.waitingText() + ").");
        body.put("url", alert.link().toString());
        body.put("tag", "village-" + alert.itemId() + "-" + alert.step());
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
