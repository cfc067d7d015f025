package app.village.safety.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs {@code {level, itemId, waitingSeconds, link, step, text}} to the operator's webhook. The signature
 * covers the timestamp and the body together, so a captured request cannot be replayed later with a new
 * timestamp: the receiver recomputes it and refuses old timestamps. {@code text} is there so chat tools
 * that show a message's {@code text} (Slack, Mattermost, Teams' incoming webhooks) need no adapter.
 */
@Component
class WebhookChannel implements AlertChannel {

    static final String TIMESTAMP = "X-Village-Timestamp";
    static final String SIGNATURE = "X-Village-Signature";
    static final String DELIVERY = "X-Village-Delivery";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertProperties.Webhook webhook;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    WebhookChannel(AlertProperties properties, Clock clock) {
        this.webhook = properties.webhook();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return webhook.enabled();
    }

    @Override
    public boolean perPerson() {
        return false;
    }

    @Override
    public void send(Alert alert, UUID recipient) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", alert.level().code());
        body.put("itemId", alert.itemId().toString());
        body.put("waitingSeconds", alert.waiting().toSeconds());
        body.put("link", alert.link().toString());
        body.put("step", alert.step());
        body.put("text", alert.headline() + " (" + alert.waitingText() + "): " + alert.link());
        String json = JSON.writeValueAsString(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url().strip()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(webhook.secret(), timestamp, json))
                .header(DELIVERY, alert.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Refused(response.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} with the shared secret. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
