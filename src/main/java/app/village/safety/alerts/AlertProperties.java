package app.village.safety.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.village.understanding.RiskLevel;

/**
 * On-call alerts ({@code village.alert.*}, {@code VILLAGE_ALERT_*} in the environment; ADR 0013).
 *
 * @param levels the queue levels that page the people on call: {@code urgent} always, {@code high} if listed
 * @param escalateAfter how long an unclaimed urgent item waits before the next on call is alerted (the admins after twice this)
 * @param escalateHighAfter the same for a high item
 * @param publicUrl the address moderators open Village at, for the link in an alert
 * @param rotaZone the time zone the weekly rota's hours are in
 * @param webhook the webhook channel; an empty url turns it off
 * @param retryFirst the wait after a channel's first failure, doubled per further failure
 * @param retryMax the longest wait between two tries
 * @param maxAttempts tries per message before it is given up (each failure is in the audit)
 * @param pollEvery how often each node looks for due alerts and escalations without being woken
 * @param dispatch whether this node sends alerts (off only to simulate a node that dies before sending)
 */
@ConfigurationProperties("village.alert")
public record AlertProperties(
        @DefaultValue("urgent") List<RiskLevel> levels,
        @DefaultValue("5m") Duration escalateAfter,
        @DefaultValue("1h") Duration escalateHighAfter,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("UTC") ZoneId rotaZone,
        @DefaultValue Webhook webhook,
        @DefaultValue("2s") Duration retryFirst,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("1s") Duration pollEvery,
        @DefaultValue("true") boolean dispatch) {

    public AlertProperties {
        levels = List.copyOf(levels);
        for (RiskLevel level : levels) {
            if (level != RiskLevel.URGENT && level != RiskLevel.HIGH) {
                throw new IllegalArgumentException("village.alert.levels: only urgent and high can page someone, not " + level.code());
            }
        }
        if (!levels.contains(RiskLevel.URGENT)) {
            // Leaving urgent out would silence exactly what the alerts exist for.
            throw new IllegalArgumentException("village.alert.levels must include urgent");
        }
        for (Duration d : List.of(escalateAfter, escalateHighAfter, retryFirst, retryMax, pollEvery)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("village.alert durations must be positive, not " + d);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("village.alert.max-attempts must be at least 1");
        }
    }

    public boolean pages(RiskLevel level) {
        return level != null && levels.contains(level);
    }

    public Duration escalateAfter(RiskLevel level) {
        return level == RiskLevel.URGENT ? escalateAfter : escalateHighAfter;
    }

    /** @param secret the HMAC-SHA256 key the receiver checks the signature with; required with a url */
    public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret) {

        public Webhook {
            if (!url.isBlank()) {
                URI uri = URI.create(url.strip());
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("village.alert.webhook.url must be an http(s) address");
                }
                if (secret.isBlank()) {
                    throw new IllegalArgumentException("village.alert.webhook.secret is required with a webhook url: the "
                            + "receiver must be able to tell Village's alerts from anyone else's");
                }
            }
        }

        public boolean enabled() {
            return !url.isBlank();
        }
    }
}
