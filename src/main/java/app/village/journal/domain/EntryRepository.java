package app.village.journal.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EntryRepository {

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless this member already sent this submission; either way returns the entry's id. */
    UUID insertOnce(UUID id, UUID memberId, String body, UUID submissionKey, Instant at) {
        Optional<UUID> inserted = jdbc.sql("""
                INSERT INTO journal_entries (id, member_id, body, submission_key, version, created_at)
                VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT ON CONSTRAINT journal_entries_once_per_submission DO NOTHING
                RETURNING id""")
                .params(id, memberId, body, submissionKey, Timestamp.from(at)).query(UUID.class).optional();
        return inserted.orElseGet(() -> jdbc.sql("SELECT id FROM journal_entries WHERE member_id = ? AND submission_key = ?")
                .params(memberId, submissionKey).query(UUID.class).single());
    }

    /** The entry if it is this member's: another member's entry is indistinguishable from none. */
    Optional<Entry> find(UUID memberId, UUID id) {
        return jdbc.sql("SELECT * FROM journal_entries WHERE id = ? AND member_id = ?").params(id, memberId)
                .query(EntryRepository::entry).optional();
    }

    boolean update(UUID memberId, UUID id, int expectedVersion, String body, Instant at) {
        return jdbc.sql("""
                UPDATE journal_entries SET body = ?, edited_at = ?, version = version + 1
                WHERE id = ? AND member_id = ? AND version = ?""")
                .params(body, Timestamp.from(at), id, memberId, expectedVersion).update() == 1;
    }

    boolean delete(UUID memberId, UUID id) {
        return jdbc.sql("DELETE FROM journal_entries WHERE id = ? AND member_id = ?").params(id, memberId).update() == 1;
    }

    int deleteAll(UUID memberId) {
        return jdbc.sql("DELETE FROM journal_entries WHERE member_id = ?").param(memberId).update();
    }

    List<Entry> newest(UUID memberId, int limit, int offset) {
        return jdbc.sql("SELECT * FROM journal_entries WHERE member_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(memberId, limit, offset).query(EntryRepository::entry).list();
    }

    /** Full-text search in English (so "cried" finds "crying"), best matches first. */
    List<Entry> search(UUID memberId, String query, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM journal_entries
                WHERE member_id = ? AND search @@ websearch_to_tsquery('english', ?)
                ORDER BY ts_rank(search, websearch_to_tsquery('english', ?)) DESC, created_at DESC, id
                LIMIT ? OFFSET ?""")
                .params(memberId, query, query, limit, offset).query(EntryRepository::entry).list();
    }

    List<Entry> all(UUID memberId) {
        return jdbc.sql("SELECT * FROM journal_entries WHERE member_id = ? ORDER BY created_at, id").param(memberId)
                .query(EntryRepository::entry).list();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getString("body"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant());
    }
}
