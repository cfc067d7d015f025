package app.village.safety.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The safety_push_subscriptions and safety_push_sent tables. Every read and removal is by its owner's id. */
@Repository
class PushSubscriptionRepository {

    private final JdbcClient jdbc;

    PushSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Subscription(UUID id, UUID memberId, String endpoint, String p256dh, String auth, Instant createdAt) {
    }

    /**
     * Stores the browser's subscription for the member. A browser has one endpoint: subscribing it again (a new
     * key, or another moderator signed in on the same computer) replaces what was stored for it.
     */
    UUID save(UUID memberId, String endpoint, String p256dh, String auth, Instant at) {
        return jdbc.sql("""
                INSERT INTO safety_push_subscriptions (id, member_id, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint) DO UPDATE SET member_id = EXCLUDED.member_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
                  created_at = EXCLUDED.created_at
                RETURNING id""")
                .params(UUID.randomUUID(), memberId, endpoint, p256dh, auth, Timestamp.from(at)).query(UUID.class).single();
    }

    List<Subscription> forMember(UUID memberId) {
        return jdbc.sql("SELECT * FROM safety_push_subscriptions WHERE member_id = ? ORDER BY created_at").param(memberId)
                .query((rs, n) -> new Subscription(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    int count(UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM safety_push_subscriptions WHERE member_id = ?").param(memberId).query(Integer.class).single();
    }

    boolean delete(UUID memberId, UUID id) {
        return jdbc.sql("DELETE FROM safety_push_subscriptions WHERE member_id = ? AND id = ?").params(memberId, id).update() == 1;
    }

    boolean deleteByEndpoint(UUID memberId, String endpoint) {
        return jdbc.sql("DELETE FROM safety_push_subscriptions WHERE member_id = ? AND endpoint = ?").params(memberId, endpoint).update() == 1;
    }

    void forget(UUID memberId) {
        jdbc.sql("DELETE FROM safety_push_subscriptions WHERE member_id = ?").param(memberId).update();
    }

    Set<UUID> reached(UUID deliveryId) {
        return new HashSet<>(jdbc.sql("SELECT subscription_id FROM safety_push_sent WHERE delivery_id = ?").param(deliveryId)
                .query(UUID.class).list());
    }

    void markReached(UUID deliveryId, UUID subscriptionId) {
        jdbc.sql("INSERT INTO safety_push_sent (delivery_id, subscription_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(deliveryId, subscriptionId).update();
    }
}
