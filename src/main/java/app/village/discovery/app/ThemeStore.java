package app.village.discovery.app;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The themes heard in each post, by text version, as the understanding announced them. */
@Repository
class ThemeStore {

    private final JdbcClient jdbc;

    ThemeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the themes unless newer ones are already kept (events may arrive out of order). Returns whether they were kept. */
    boolean save(UUID postId, int textVersion, List<String> themes, Instant at) {
        return jdbc.sql("""
                INSERT INTO discovery_post_themes (post_id, text_version, themes, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (post_id) DO UPDATE SET text_version = EXCLUDED.text_version, themes = EXCLUDED.themes,
                    updated_at = EXCLUDED.updated_at
                WHERE discovery_post_themes.text_version <= EXCLUDED.text_version""")
                .params(postId, textVersion, themes.toArray(String[]::new), Timestamp.from(at))
                .update() == 1;
    }

    List<String> themes(UUID postId) {
        return jdbc.sql("SELECT themes FROM discovery_post_themes WHERE post_id = ?").param(postId)
                .query((rs, n) -> List.of((String[]) rs.getArray("themes").getArray())).optional().orElse(List.of());
    }

    void delete(Collection<UUID> postIds) {
        if (!postIds.isEmpty()) {
            jdbc.sql("DELETE FROM discovery_post_themes WHERE post_id = ANY(?)").param(postIds.toArray(UUID[]::new)).update();
        }
    }
}
