package app.village.safety.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server alerts are emailed through ({@code VILLAGE_SMTP_*}); an empty host turns email off.
 *
 * @param tls {@code starttls} (upgrade on the submission port, required), {@code tls} (implicit TLS, port 465) or
 *            {@code none} (a local test server only)
 */
@ConfigurationProperties("village.smtp")
public record SmtpProperties(
        @DefaultValue("") String host,
        @DefaultValue("587") int port,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("starttls") String tls,
        @DefaultValue("village@localhost") String from) {

    public SmtpProperties {
        tls = tls.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("starttls", "tls", "none").contains(tls)) {
            throw new IllegalArgumentException("village.smtp.tls must be starttls, tls or none, not '" + tls + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("village.smtp.port must be a TCP port");
        }
    }

    public boolean enabled() {
        return !host.isBlank();
    }
}
