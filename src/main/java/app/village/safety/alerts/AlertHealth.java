package app.village.safety.alerts;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "alerts" in the health endpoint: DOWN while a configured channel's latest try failed, because then an
 * urgent item may be waiting with nobody told. Not part of the liveness or readiness probes: restarting
 * or draining a node does not mend a mail server.
 */
@Component("alertsHealthIndicator")
class AlertHealth implements HealthIndicator {

    private final AlertChannels channels;

    AlertHealth(AlertChannels channels) {
        this.channels = channels;
    }

    @Override
    public Health health() {
        List<AlertChannels.Status> statuses = channels.statuses();
        Health.Builder health = statuses.stream().anyMatch(AlertChannels.Status::failing) ? Health.down() : Health.up();
        boolean any = false;
        for (AlertChannels.Status s : statuses) {
            if (s.configured()) {
                any = true;
                health.withDetail(s.channel(), s.failing() ? "failing (" + s.lastError() + ", " + s.consecutiveFailures() + " in a row)" : "ok");
            }
        }
        if (!any) {
            health.withDetail("channels", "none configured");
        }
        return health.build();
    }
}
