package app.village.understanding.app;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insights table. An older reading never replaces a newer one. */
@Repository
class InsightStore {

    private final JdbcClient jdbc;

    InsightStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the reading unless one of the same or a newer text version is there; returns whether it was saved. */
    boolean save(String kind, UUID subjectId, UUID postId, int version, String analyser, String riskLevel, List<String> themes,
                 String insightJson, Instant at) {
        return jdbc.sql("""
                INSERT INTO insights (subject_kind, subject_id, post_id, text_version, analyser, risk_level, themes, insight, analysed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (subject_kind, subject_id) DO UPDATE SET
                  text_version = EXCLUDED.text_version, analyser = EXCLUDED.analyser, risk_level = EXCLUDED.risk_level,
                  themes = EXCLUDED.themes, insight = EXCLUDED.insight, analysed_at = EXCLUDED.analysed_at
                WHERE insights.text_version < EXCLUDED.text_version
                   OR (insights.text_version = EXCLUDED.text_version AND insights.analyser <> EXCLUDED.analyser)""")
                .params(kind, subjectId, postId, version, analyser, riskLevel, themes.toArray(String[]::new), insightJson,
                        Timestamp.from(at))
                .update() == 1;
    }

    Optional<String> insightJson(String kind, UUID subjectId) {
        return jdbc.sql("SELECT insight::text FROM insights WHERE subject_kind = ? AND subject_id = ?")
                .params(kind, subjectId).query(String.class).optional();
    }

    /** The text version the stored reading was made of, or empty when there is none. */
    Optional<Integer> textVersion(String kind, UUID subjectId) {
        return jdbc.sql("SELECT text_version FROM insights WHERE subject_kind = ? AND subject_id = ?")
                .params(kind, subjectId).query(Integer.class).optional();
    }

    boolean has(String kind, UUID subjectId, String analyser) {
        return jdbc.sql("SELECT count(*) FROM insights WHERE subject_kind = ? AND subject_id = ? AND analyser = ?")
                .params(kind, subjectId, analyser).query(Long.class).single() > 0;
    }

    void deleteForPost(UUID postId) {
        jdbc.sql("DELETE FROM insights WHERE post_id = ?").param(postId).update();
    }

    /** The readings of these posts and of every reply in their threads. */
    void deleteForPosts(List<UUID> postIds) {
        if (!postIds.isEmpty()) {
            jdbc.sql("DELETE FROM insights WHERE post_id = ANY(?)").param(postIds.toArray(UUID[]::new)).update();
        }
    }

    void deleteForReplies(List<UUID> replyIds) {
        if (!replyIds.isEmpty()) {
            jdbc.sql("DELETE FROM insights WHERE subject_kind = 'REPLY' AND subject_id = ANY(?)")
                    .param(replyIds.toArray(UUID[]::new)).update();
        }
    }
}
