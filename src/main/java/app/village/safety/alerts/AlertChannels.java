package app.village.safety.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The configured channels and how each last fared, kept in the database so every node (and the admin
 * page and health endpoint of any node) sees a channel that fails on another.
 */
@Component
public class AlertChannels {

    private final List<AlertChannel> channels;
    private final JdbcClient jdbc;

    AlertChannels(List<AlertChannel> channels, JdbcClient jdbc) {
        this.channels = List.copyOf(channels);
        this.jdbc = jdbc;
    }

    /**
     * @param failing configured, and its latest try failed
     * @param lastError the kind of failure only (an HTTP status, an exception's class), never a server's words
     */
    public record Status(String channel, boolean configured, Instant lastSuccessAt, Instant lastFailureAt, String lastError,
                         int consecutiveFailures, boolean failing) {
    }

    List<AlertChannel> enabled() {
        return channels.stream().filter(AlertChannel::enabled).toList();
    }

    AlertChannel named(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no alert channel " + name));
    }

    public List<Status> statuses() {
        Map<String, Status> stored = jdbc.sql("SELECT * FROM safety_alert_channels").query((rs, n) -> new Status(
                        rs.getString("channel"), false, instant(rs.getTimestamp("last_success_at")), instant(rs.getTimestamp("last_failure_at")),
                        rs.getString("last_error"), rs.getInt("consecutive_failures"), rs.getInt("consecutive_failures") > 0))
                .list().stream().collect(Collectors.toMap(Status::channel, Function.identity()));
        List<Status> all = new ArrayList<>();
        for (AlertChannel c : channels) {
            Status s = stored.get(c.name());
            all.add(s == null ? new Status(c.name(), c.enabled(), null, null, null, 0, false)
                    : new Status(c.name(), c.enabled(), s.lastSuccessAt(), s.lastFailureAt(), s.lastError(), s.consecutiveFailures(),
                    c.enabled() && s.failing()));
        }
        return all;
    }

    void succeeded(String channel, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_alert_channels (channel, last_success_at, consecutive_failures) VALUES (?, ?, 0)
                ON CONFLICT (channel) DO UPDATE SET last_success_at = EXCLUDED.last_success_at, consecutive_failures = 0""")
                .params(channel, Timestamp.from(at)).update();
    }

    void failed(String channel, String error, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_alert_channels (channel, last_failure_at, last_error, consecutive_failures) VALUES (?, ?, ?, 1)
                ON CONFLICT (channel) DO UPDATE SET last_failure_at = EXCLUDED.last_failure_at, last_error = EXCLUDED.last_error,
                  consecutive_failures = safety_alert_channels.consecutive_failures + 1""")
                .params(channel, Timestamp.from(at), error).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
