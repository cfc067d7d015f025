package app.village.journal.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The member's time zone (as their browser reports it) and their requests for a moderator to reach out. */
@Repository
class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> timeZone(UUID memberId) {
        return jdbc.sql("SELECT time_zone FROM journal_preferences WHERE member_id = ?").param(memberId)
                .query(String.class).optional();
    }

    void saveTimeZone(UUID memberId, String zone, Instant at) {
        jdbc.sql("""
                INSERT INTO journal_preferences (member_id, time_zone, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at
                WHERE journal_preferences.time_zone <> EXCLUDED.time_zone""")
                .params(memberId, zone, Timestamp.from(at)).update();
    }

    /** True when this is the first request for this version of the entry. */
    boolean recordSupportRequest(UUID memberId, UUID entryId, int entryVersion, Instant at) {
        return jdbc.sql("""
                INSERT INTO journal_support_requests (entry_id, entry_version, member_id, requested_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(entryId, entryVersion, memberId, Timestamp.from(at)).update() == 1;
    }

    java.util.List<Instant> supportRequests(UUID memberId) {
        return jdbc.sql("SELECT requested_at FROM journal_support_requests WHERE member_id = ? ORDER BY requested_at")
                .param(memberId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    void deleteAll(UUID memberId) {
        jdbc.sql("DELETE FROM journal_support_requests WHERE member_id = ?").param(memberId).update();
        jdbc.sql("DELETE FROM journal_preferences WHERE member_id = ?").param(memberId).update();
    }
}
