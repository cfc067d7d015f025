package app.village.safety.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts by Web Push to the browsers moderators ask to be alerted in ({@code village.alert.web-push.*},
 * {@code VILLAGE_ALERT_WEB_PUSH_*}; ADR 0018). Off unless the operator turns it on.
 *
 * @param subject how a push service can reach the operator (RFC 8292): {@code mailto:} an address or an {@code https:} page;
 *                required when enabled
 * @param ttl how long a push service keeps an alert for a browser that is offline; after that the escalation has taken over
 * @param pushServices where a browser's subscription may point: a host name means that host or any host under it, over
 *                     https; a full origin ({@code http://127.0.0.1}) allows exactly that scheme and host, for a local test
 *                     receiver. Anything else is refused, so Village never sends requests where a subscription says.
 */
@ConfigurationProperties("village.alert.web-push")
public record WebPushProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String subject,
        @DefaultValue("1h") Duration ttl,
        @DefaultValue({"fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"})
        List<String> pushServices) {

    public WebPushProperties {
        subject = subject.strip();
        pushServices = pushServices.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        if (enabled && !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
            throw new IllegalArgumentException("village.alert.web-push.subject must be a mailto: address or an https: page when "
                    + "web push is enabled: push services use it to reach the operator");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("village.alert.web-push.ttl must be positive, not " + ttl);
        }
    }

    /** Whether a subscription's endpoint points at a push service the operator allows. */
    public boolean allows(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || endpoint.getUserInfo() != null) {
            return false;
        }
        for (String allowed : pushServices) {
            if (allowed.contains("://")) {
                if (allowed.equals(scheme + "://" + host)) {
                    return true;
                }
            } else if ("https".equals(scheme) && (host.equals(allowed) || host.endsWith("." + allowed))) {
                return true;
            }
        }
        return false;
    }
}
