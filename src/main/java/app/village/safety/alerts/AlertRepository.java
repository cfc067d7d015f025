package app.village.safety.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.understanding.RiskLevel;

/**
 * The safety_alert_steps and safety_alert_deliveries tables. Every insert is keyed, so planning twice
 * (a re-delivered event, two nodes) plans once; every pick is {@code FOR UPDATE SKIP LOCKED}, so two
 * nodes never work on the same row and neither waits for the other.
 */
@Repository
class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Step(UUID itemId, int step, Instant dueAt) {
    }

    record Delivery(UUID id, UUID itemId, int step, String channel, String recipient, RiskLevel level, int attempts) {
    }

    /** One row of an item's alerts, for its page. */
    record DeliveryView(int step, String channel, String recipient, String status, int attempts, Instant createdAt, Instant sentAt,
                        String lastError) {
    }

    void planStep(UUID itemId, int step, Instant dueAt) {
        jdbc.sql("INSERT INTO safety_alert_steps (item_id, step, due_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(itemId, step, Timestamp.from(dueAt)).update();
    }

    Optional<Step> lockDueStep(Instant now) {
        return jdbc.sql("""
                SELECT item_id, step, due_at FROM safety_alert_steps WHERE done_at IS NULL AND due_at <= ?
                ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Step(rs.getObject("item_id", UUID.class), rs.getInt("step"), rs.getTimestamp("due_at").toInstant()))
                .optional();
    }

    void stepDone(Step step, String outcome, Instant at) {
        jdbc.sql("UPDATE safety_alert_steps SET done_at = ?, outcome = ? WHERE item_id = ? AND step = ?")
                .params(Timestamp.from(at), outcome, step.itemId(), step.step()).update();
    }

    boolean planDelivery(UUID itemId, int step, String channel, String recipient, RiskLevel level, Instant at) {
        return jdbc.sql("""
                INSERT INTO safety_alert_deliveries (id, item_id, step, channel, recipient, level, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), itemId, step, channel, recipient, level.code(), Timestamp.from(at), Timestamp.from(at))
                .update() == 1;
    }

    Optional<Delivery> lockDueDelivery(Instant now) {
        return jdbc.sql("""
                SELECT * FROM safety_alert_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query(AlertRepository::delivery).optional();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("UPDATE safety_alert_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void retryAt(UUID id, String error, Instant next) {
        jdbc.sql("UPDATE safety_alert_deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(error, Timestamp.from(next), id).update();
    }

    void finish(UUID id, String status, String error, boolean attempted) {
        jdbc.sql("UPDATE safety_alert_deliveries SET status = ?, last_error = ?, attempts = attempts + ? WHERE id = ?")
                .params(status, error, attempted ? 1 : 0, id).update();
    }

    List<DeliveryView> forItem(UUID itemId) {
        return jdbc.sql("SELECT * FROM safety_alert_deliveries WHERE item_id = ? ORDER BY step, created_at, channel, recipient")
                .param(itemId)
                .query((rs, n) -> new DeliveryView(rs.getInt("step"), rs.getString("channel"), rs.getString("recipient"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("last_error")))
                .list();
    }

    /** Members alerted for the item at an earlier step, so the escalation goes to someone new. */
    List<String> recipientsBefore(UUID itemId, int step) {
        return jdbc.sql("SELECT DISTINCT recipient FROM safety_alert_deliveries WHERE item_id = ? AND step < ? AND channel <> 'webhook'")
                .params(itemId, step).query(String.class).list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getInt("step"),
                rs.getString("channel"), rs.getString("recipient"), RiskLevel.ofCode(rs.getString("level")), rs.getInt("attempts"));
    }
}
