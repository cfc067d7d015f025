package app.village.safety.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.village.understanding.RiskLevel;

/** The settings an operator gives, the retry schedule and the signature, without the application. */
class AlertSettingsTest {

    private static AlertProperties properties(List<RiskLevel> levels, AlertProperties.Webhook webhook) {
        return new AlertProperties(levels, Duration.ofMinutes(5), Duration.ofHours(1), URI.create("https://v.example/"),
                ZoneId.of("UTC"), webhook, Duration.ofSeconds(2), Duration.ofMinutes(5), 12, Duration.ofSeconds(1), true);
    }

    @Test
    void urgentAlwaysPagesAndHighOnlyWhenAsked() {
        AlertProperties urgentOnly = properties(List.of(RiskLevel.URGENT), new AlertProperties.Webhook("", ""));
        assertThat(urgentOnly.pages(RiskLevel.URGENT)).isTrue();
        assertThat(urgentOnly.pages(RiskLevel.HIGH)).isFalse();
        assertThat(urgentOnly.pages(null)).isFalse();
        assertThat(properties(List.of(RiskLevel.URGENT, RiskLevel.HIGH), new AlertProperties.Webhook("", "")).pages(RiskLevel.HIGH)).isTrue();
        assertThatThrownBy(() -> properties(List.of(RiskLevel.HIGH), new AlertProperties.Webhook("", "")))
                .hasMessageContaining("must include urgent");
        assertThatThrownBy(() -> properties(List.of(RiskLevel.URGENT, RiskLevel.MODERATE), new AlertProperties.Webhook("", "")))
                .hasMessageContaining("only urgent and high");
    }

    @Test
    void aWebhookNeedsASecretAndAnHttpAddress() {
        assertThatThrownBy(() -> new AlertProperties.Webhook("https://hooks.example/x", " "))
                .hasMessageContaining("secret is required");
        assertThatThrownBy(() -> new AlertProperties.Webhook("ftp://hooks.example/x", "s")).hasMessageContaining("http(s)");
        assertThat(new AlertProperties.Webhook("https://hooks.example/x", "s").enabled()).isTrue();
        assertThatThrownBy(() -> new SmtpProperties("smtp.example", 587, "", "", "maybe", "a@b")).hasMessageContaining("starttls, tls or none");
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheMaximum() {
        AlertWork work = new AlertWork(null, null, null, null, null,
                properties(List.of(RiskLevel.URGENT), new AlertProperties.Webhook("", "")), null, Clock.systemUTC());
        assertThat(List.of(1, 2, 3, 4, 8, 9, 12).stream().map(work::backoff).map(Duration::toSeconds).toList())
                .containsExactly(2L, 4L, 8L, 16L, 256L, 300L, 300L);
        assertThat(work.link(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")).toString())
                .isEqualTo("https://v.example/moderation/items/00000000-0000-0000-0000-000000000001");
    }

    @Test
    void theSignatureIsTheHmacOfTheTimestampAndTheBody() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookChannel.sign("secret", "1700000000", "{\"a\":1}"))
                .isEqualTo(EXPECTED);
        assertThat(WebhookChannel.sign("secret", "1700000001", "{\"a\":1}")).isNotEqualTo(EXPECTED);
    }

    @Test
    void webPushIsTurnedOnFromTheEnvironmentWithASubjectAndSendsOnlyToAllowedPushServices() {
        Binder env = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", Map.<String, Object>of(
                "VILLAGE_ALERT_WEB_PUSH_ENABLED", "true", "VILLAGE_ALERT_WEB_PUSH_SUBJECT", "mailto:ops@village.example"))));
        WebPushProperties on = env.bindOrCreate("village.alert.web-push", WebPushProperties.class);
        assertThat(on.enabled()).isTrue();
        assertThat(on.subject()).isEqualTo("mailto:ops@village.example");
        assertThat(on.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(on.allows(URI.create("https://fcm.googleapis.com/fcm/send/abc"))).isTrue();
        assertThat(on.allows(URI.create("https://updates.push.services.mozilla.com/wpush/v2/abc"))).isTrue();
        assertThat(on.allows(URI.create("https://web.push.apple.com/abc"))).isTrue();
        assertThat(on.allows(URI.create("http://fcm.googleapis.com/fcm/send/abc"))).as("https only").isFalse();
        assertThat(on.allows(URI.create("https://fcm.googleapis.com.evil.example/x"))).isFalse();
        assertThat(on.allows(URI.create("https://user@fcm.googleapis.com/x"))).isFalse();
        assertThat(on.allows(URI.create("http://127.0.0.1:9000/push/1"))).isFalse();
        assertThat(new WebPushProperties(false, "", Duration.ofHours(1), List.of("http://127.0.0.1"))
                .allows(URI.create("http://127.0.0.1:9000/push/1"))).as("a local receiver, allowed by its origin").isTrue();
        assertThat(new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", Map.<String, Object>of()))).bindOrCreate(
                "village.alert.web-push", WebPushProperties.class).enabled()).as("off unless turned on").isFalse();
        assertThatThrownBy(() -> new WebPushProperties(true, " ", Duration.ofHours(1), List.of("fcm.googleapis.com")))
                .hasMessageContaining("mailto:");
        assertThatThrownBy(() -> new WebPushProperties(true, "http://ops.example", Duration.ofHours(1), List.of("fcm.googleapis.com")))
                .hasMessageContaining("mailto:");
    }

    private static final String EXPECTED = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
}
