package app.village.safety.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Private supportive messages from a moderator to a member: read only by those two. */
@Repository
class MessageRepository {

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID itemId, UUID from, UUID to, String body, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO safety_messages (id, item_id, from_id, to_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, itemId, from, to, body, Timestamp.from(at)).update();
        return id;
    }

    List<SupportMessage> to(UUID member) {
        return jdbc.sql("SELECT * FROM safety_messages WHERE to_id = ? ORDER BY created_at DESC LIMIT 200").param(member)
                .query(MessageRepository::message).list();
    }

    List<SupportMessage> forItemFrom(UUID itemId, UUID from) {
        return jdbc.sql("SELECT * FROM safety_messages WHERE item_id = ? AND from_id = ? ORDER BY created_at").params(itemId, from)
                .query(MessageRepository::message).list();
    }

    int unread(UUID member) {
        return jdbc.sql("SELECT count(*) FROM safety_messages WHERE to_id = ? AND read_at IS NULL").param(member)
                .query(Integer.class).single();
    }

    void markRead(UUID member, Instant at) {
        jdbc.sql("UPDATE safety_messages SET read_at = ? WHERE to_id = ? AND read_at IS NULL").params(Timestamp.from(at), member).update();
    }

    void deleteFor(UUID member) {
        jdbc.sql("DELETE FROM safety_messages WHERE to_id = ?").param(member).update();
    }

    static SupportMessage message(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new SupportMessage(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getObject("from_id", UUID.class),
                rs.getObject("to_id", UUID.class), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
