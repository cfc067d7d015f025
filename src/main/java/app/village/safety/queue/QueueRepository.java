package app.village.safety.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.understanding.RiskLevel;

/** The safety_items table. Inserts are idempotent by source key, so a re-delivered event adds nothing. */
@Repository
class QueueRepository {

    private static final String ORDER = """
            ORDER BY CASE level WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, created_at, id""";

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds an item unless its source key is there already, or (for readings) the same post or reply has an
     * open item; returns the new id when one was added.
     */
    Optional<UUID> insert(String source, String sourceKey, String subjectKind, UUID subjectId, UUID postId, UUID memberId,
                          RiskLevel level, List<String> reasons, String reportReason, Integer textVersion, Instant at) {
        return jdbc.sql("""
                INSERT INTO safety_items (id, source, source_key, subject_kind, subject_id, post_id, member_id, automated_level,
                                          level, reasons, report_reason, text_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""")
                .params(UUID.randomUUID(), source, sourceKey, subjectKind, subjectId, postId, memberId, code(level), code(level),
                        reasons.toArray(String[]::new), reportReason, textVersion, Timestamp.from(at))
                .query(UUID.class).optional();
    }

    /**
     * A newer reading of a text that already has an open item: its automated level rises (never falls: a
     * person lowers it, with a reason) and its reasons are the newer reading's.
     */
    int updateOpenReading(String subjectKind, UUID subjectId, RiskLevel level, List<String> reasons, int textVersion) {
        return jdbc.sql("""
                UPDATE safety_items SET
                  automated_level = CASE WHEN ? > safety_level_rank(automated_level) THEN ? ELSE automated_level END,
                  level = CASE WHEN level = automated_level AND ? > safety_level_rank(level) THEN ? ELSE level END,
                  reasons = ?, text_version = ?, version = version + 1
                WHERE source = 'READING' AND status = 'OPEN' AND subject_kind = ? AND subject_id = ? AND text_version < ?""")
                .params(level.ordinal(), level.code(), level.ordinal(), level.code(), reasons.toArray(String[]::new), textVersion,
                        subjectKind, subjectId, textVersion)
                .update();
    }

    Optional<UUID> openReading(String subjectKind, UUID subjectId) {
        return jdbc.sql("SELECT id FROM safety_items WHERE source = 'READING' AND status = 'OPEN' AND subject_kind = ? AND subject_id = ?")
                .params(subjectKind, subjectId).query(UUID.class).optional();
    }

    /** The newest item about a post or reply, if it ever entered the queue. */
    Optional<UUID> latestFor(String subjectKind, UUID subjectId) {
        return jdbc.sql("SELECT id FROM safety_items WHERE subject_kind = ? AND subject_id = ? ORDER BY created_at DESC LIMIT 1")
                .params(subjectKind, subjectId).query(UUID.class).optional();
    }

    Optional<QueueItem> find(UUID id) {
        return jdbc.sql("SELECT * FROM safety_items WHERE id = ?").param(id).query(QueueRepository::item).optional();
    }

    /** Locks the item for the rest of the transaction, so two moderators' actions on it run one after the other. */
    Optional<QueueItem> lock(UUID id) {
        return jdbc.sql("SELECT * FROM safety_items WHERE id = ? FOR UPDATE").param(id).query(QueueRepository::item).optional();
    }

    List<QueueItem> open(int limit) {
        return jdbc.sql("SELECT * FROM safety_items WHERE status = 'OPEN' " + ORDER + " LIMIT ?").param(limit)
                .query(QueueRepository::item).list();
    }

    List<QueueItem> recentlyResolved(int limit) {
        return jdbc.sql("SELECT * FROM safety_items WHERE status = 'RESOLVED' ORDER BY resolved_at DESC LIMIT ?").param(limit)
                .query(QueueRepository::item).list();
    }

    /** Every item about this member except the given one, newest first: the history of earlier flags. */
    List<QueueItem> forMember(UUID memberId, UUID except, int limit) {
        return jdbc.sql("SELECT * FROM safety_items WHERE member_id = ? AND id <> ? ORDER BY created_at DESC LIMIT ?")
                .params(memberId, except, limit).query(QueueRepository::item).list();
    }

    List<QueueItem> bySourceKeyPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM safety_items WHERE source_key LIKE ? ORDER BY created_at").param(prefix + "%")
                .query(QueueRepository::item).list();
    }

    /** Open items by band, and the newest change to any item (so a page knows when to refresh). */
    Map<String, Object> summary() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'OPEN') AS open,
                       count(*) FILTER (WHERE status = 'OPEN' AND level = 'urgent') AS urgent,
                       coalesce(sum(version), 0) + count(*) AS stamp
                FROM safety_items WHERE status = 'OPEN' OR resolved_at > now() - interval '1 day'""")
                .query().singleRow();
    }

    int countOpen() {
        return jdbc.sql("SELECT count(*) FROM safety_items WHERE status = 'OPEN'").query(Integer.class).single();
    }

    /** Applies a change only if nobody changed the item since {@code expectedVersion}. */
    boolean claim(UUID id, int expectedVersion, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE safety_items SET claimed_by = ?, claimed_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""")
                .params(by, Timestamp.from(at), id, expectedVersion).update() == 1;
    }

    boolean release(UUID id, int expectedVersion) {
        return jdbc.sql("UPDATE safety_items SET claimed_by = NULL, claimed_at = NULL, version = version + 1 WHERE id = ? AND version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    boolean touch(UUID id, int expectedVersion) {
        return jdbc.sql("UPDATE safety_items SET version = version + 1 WHERE id = ? AND version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    boolean changeLevel(UUID id, int expectedVersion, RiskLevel level) {
        return jdbc.sql("UPDATE safety_items SET level = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(level.code(), id, expectedVersion).update() == 1;
    }

    boolean escalate(UUID id, int expectedVersion, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE safety_items SET escalated_at = ?, escalated_by = ?, claimed_by = NULL, claimed_at = NULL, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(Timestamp.from(at), by, id, expectedVersion).update() == 1;
    }

    boolean resolve(UUID id, int expectedVersion, UUID by, String outcome, Instant at) {
        return jdbc.sql("""
                UPDATE safety_items SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, outcome = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""")
                .params(by, Timestamp.from(at), outcome, id, expectedVersion).update() == 1;
    }

    /**
     * Marks the items about these texts erased (a post's item, and those of every reply in its thread) and
     * resolves the open ones: there is nobody left to reach and nothing left to judge. Returns them as they were.
     */
    List<QueueItem> resolveErased(List<UUID> postIds, List<UUID> replyIds, String outcome, Instant at) {
        return jdbc.sql("""
                WITH erased AS (
                    SELECT * FROM safety_items
                    WHERE text_erased_at IS NULL AND (post_id = ANY(?) OR subject_id = ANY(?))
                    FOR UPDATE),
                changed AS (
                    UPDATE safety_items i SET text_erased_at = ?, version = i.version + 1,
                      status = 'RESOLVED',
                      resolved_at = CASE WHEN i.status = 'OPEN' THEN ? ELSE i.resolved_at END,
                      outcome = CASE WHEN i.status = 'OPEN' THEN ? ELSE i.outcome END
                    FROM erased WHERE i.id = erased.id)
                SELECT * FROM erased""")
                .params(postIds.toArray(UUID[]::new), replyIds.toArray(UUID[]::new), Timestamp.from(at), Timestamp.from(at), outcome)
                .query(QueueRepository::item).list();
    }

    void insertOverride(UUID itemId, RiskLevel from, RiskLevel to, String reason, UUID by, Instant at) {
        jdbc.sql("INSERT INTO safety_overrides (id, item_id, from_level, to_level, reason, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), itemId, code(from), to.code(), reason, by, Timestamp.from(at)).update();
    }

    List<Override> overrides(UUID itemId) {
        return jdbc.sql("SELECT * FROM safety_overrides WHERE item_id = ? ORDER BY at").param(itemId)
                .query((rs, n) -> new Override(level(rs.getString("from_level")), RiskLevel.ofCode(rs.getString("to_level")),
                        rs.getString("reason"), rs.getObject("by_id", UUID.class), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** A person's change of level, kept beside the automated one. */
    public record Override(RiskLevel from, RiskLevel to, String reason, UUID by, Instant at) {
    }

    private static String code(RiskLevel level) {
        return level == null ? null : level.code();
    }

    private static RiskLevel level(String code) {
        return code == null ? null : RiskLevel.ofCode(code);
    }

    static QueueItem item(ResultSet rs, int row) throws SQLException {
        java.sql.Array reasons = rs.getArray("reasons");
        return new QueueItem(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_key"),
                rs.getString("subject_kind"), rs.getObject("subject_id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("member_id", UUID.class), level(rs.getString("automated_level")), level(rs.getString("level")),
                Arrays.asList((String[]) reasons.getArray()), rs.getString("report_reason"), (Integer) rs.getObject("text_version"),
                rs.getString("status"), rs.getObject("claimed_by", UUID.class), instant(rs, "claimed_at"), instant(rs, "escalated_at"),
                rs.getObject("escalated_by", UUID.class), rs.getString("outcome"), rs.getObject("resolved_by", UUID.class),
                instant(rs, "resolved_at"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"),
                instant(rs, "text_erased_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
