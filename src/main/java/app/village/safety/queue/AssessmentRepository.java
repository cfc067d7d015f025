package app.village.safety.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.understanding.RiskLevel;

/** What the policy decided for the latest reading of each post and reply. An older reading never replaces a newer one. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Assessment a) {
        jdbc.sql("""
                INSERT INTO safety_assessments (subject_kind, subject_id, post_id, author_id, text_version, level, reasons, held,
                                                private_post, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subject_kind, subject_id) DO UPDATE SET
                  text_version = EXCLUDED.text_version, level = EXCLUDED.level, reasons = EXCLUDED.reasons,
                  held = safety_assessments.held OR EXCLUDED.held, private_post = EXCLUDED.private_post,
                  decided_at = EXCLUDED.decided_at
                WHERE safety_assessments.text_version <= EXCLUDED.text_version""")
                .params(a.subjectKind(), a.subjectId(), a.postId(), a.authorId(), a.textVersion(), a.level().code(),
                        a.reasons().toArray(String[]::new), a.held(), a.privatePost(), Timestamp.from(a.decidedAt()))
                .update();
    }

    Optional<Assessment> find(String kind, UUID subjectId) {
        return jdbc.sql("SELECT * FROM safety_assessments WHERE subject_kind = ? AND subject_id = ?").params(kind, subjectId)
                .query(AssessmentRepository::assessment).optional();
    }

    /** The assessments of a thread's texts written by this member, the most serious first. */
    List<Assessment> inThreadBy(UUID postId, UUID authorId) {
        return jdbc.sql("""
                SELECT * FROM safety_assessments WHERE post_id = ? AND author_id = ?
                ORDER BY safety_level_rank(level) DESC, decided_at DESC""")
                .params(postId, authorId).query(AssessmentRepository::assessment).list();
    }

    List<Assessment> byAuthor(UUID authorId) {
        return jdbc.sql("SELECT * FROM safety_assessments WHERE author_id = ? ORDER BY decided_at").param(authorId)
                .query(AssessmentRepository::assessment).list();
    }

    void forgetAuthor(UUID authorId) {
        jdbc.sql("UPDATE safety_assessments SET author_id = NULL WHERE author_id = ?").param(authorId).update();
    }

    void deleteForPost(UUID postId) {
        jdbc.sql("DELETE FROM safety_assessments WHERE post_id = ?").param(postId).update();
    }

    static Assessment assessment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Assessment(rs.getString("subject_kind"), rs.getObject("subject_id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getInt("text_version"), RiskLevel.ofCode(rs.getString("level")),
                Arrays.asList((String[]) rs.getArray("reasons").getArray()), rs.getBoolean("held"), rs.getBoolean("private_post"),
                rs.getTimestamp("decided_at").toInstant());
    }

    /** @param reasons stored reasons, {@code code@person} */
    record Assessment(String subjectKind, UUID subjectId, UUID postId, UUID authorId, int textVersion, RiskLevel level,
                      List<String> reasons, boolean held, boolean privatePost, Instant decidedAt) {
    }
}
