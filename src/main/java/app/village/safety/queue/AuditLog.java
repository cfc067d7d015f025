package app.village.safety.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit of moderators' and admins' actions, overrides and views of held posts. This
 * class can only add and read: there is no update or delete here, and the database refuses both.
 * Entries carry ids, codes and levels, never a member's words.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param actorId null for the policy acting on its own (a held post) */
    public void record(UUID actorId, String action, UUID itemId, String subjectKind, UUID subjectId, String before, String after,
                       String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_audit (at, actor_id, action, item_id, subject_kind, subject_id, before_state, after_state, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), actorId, action, itemId, subjectKind, subjectId, before, after, detail).update();
    }

    /** Newest first, a page at a time: entries older than {@code beforeId} (null for the newest). */
    public List<Entry> page(Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT * FROM safety_audit WHERE (CAST(? AS BIGINT) IS NULL OR id < ?) ORDER BY id DESC LIMIT ?""")
                .params(beforeId, beforeId, Math.max(1, Math.min(limit, 500)))
                .query(AuditLog::entry)
                .list();
    }

    public List<Entry> forItem(UUID itemId) {
        return jdbc.sql("SELECT * FROM safety_audit WHERE item_id = ? ORDER BY id").param(itemId)
                .query(AuditLog::entry)
                .list();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class), null,
                rs.getString("action"), rs.getObject("item_id", UUID.class), rs.getString("subject_kind"),
                rs.getObject("subject_id", UUID.class), rs.getString("before_state"), rs.getString("after_state"), rs.getString("detail"));
    }

    /** One entry; {@code actorHandle} is filled in for display (null for the policy itself or an erased member). */
    public record Entry(long id, Instant at, UUID actorId, String actorHandle, String action, UUID itemId, String subjectKind,
                        UUID subjectId, String before, String after, String detail) {

        public Entry withHandle(String handle) {
            return new Entry(id, at, actorId, handle, action, itemId, subjectKind, subjectId, before, after, detail);
        }
    }
}
