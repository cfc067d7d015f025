package app.village.community.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.community.ReportReason;

@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the report unless this member already reported this content; returns the new id if saved. */
    Optional<UUID> insertOnce(String targetKind, UUID targetId, UUID postId, UUID reporterId, ReportReason reason,
                              String details, Instant at) {
        return jdbc.sql("""
                INSERT INTO reports (id, target_kind, target_id, post_id, reporter_id, reason, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT reports_once_per_reporter DO NOTHING RETURNING id""")
                .params(UUID.randomUUID(), targetKind, targetId, postId, reporterId, reason.name(), details, Timestamp.from(at))
                .query(UUID.class).optional();
    }

    List<Map<String, Object>> byReporter(UUID reporterId) {
        return jdbc.sql("SELECT target_kind, target_id, reason, details, status, created_at FROM reports WHERE reporter_id = ? ORDER BY created_at")
                .param(reporterId).query().listOfRows();
    }

    void forgetReporter(UUID reporterId) {
        jdbc.sql("UPDATE reports SET reporter_id = NULL, details = NULL WHERE reporter_id = ?").param(reporterId).update();
    }

    void forgetDetailsAbout(java.util.Collection<UUID> targetIds) {
        jdbc.sql("UPDATE reports SET details = NULL WHERE target_id = ANY(?) AND details IS NOT NULL")
                .param(targetIds.toArray(UUID[]::new)).update();
    }
}
