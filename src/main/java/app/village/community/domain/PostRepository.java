package app.village.community.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.community.Stories;
import app.village.community.Visibility;

@Repository
class PostRepository {

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless this writer already sent this submission; either way returns the post's id. */
    UUID insertOnce(Post post, UUID submissionKey) {
        Optional<UUID> inserted = jdbc.sql("""
                INSERT INTO posts (id, author_id, title, body, visibility, child_age_months, submission_key, version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT ON CONSTRAINT posts_once_per_submission DO NOTHING
                RETURNING id""")
                .params(post.id(), post.authorId(), post.title(), post.body(), post.visibility().name(),
                        post.childAgeMonths(), submissionKey, Timestamp.from(post.createdAt()))
                .query(UUID.class).optional();
        return inserted.orElseGet(() -> jdbc.sql("SELECT id FROM posts WHERE author_id = ? AND submission_key = ?")
                .params(post.authorId(), submissionKey).query(UUID.class).single());
    }

    Optional<Post> find(UUID id) {
        return jdbc.sql("SELECT * FROM posts WHERE id = ?").param(id).query(PostRepository::post).optional();
    }

    Map<UUID, Instant> readableByAll(Collection<UUID> ids) {
        Map<UUID, Instant> out = new HashMap<>();
        jdbc.sql("SELECT id, created_at FROM posts WHERE id = ANY(?) AND visibility = 'COMMUNITY' AND hidden_at IS NULL")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> out.put(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant())).list();
        return out;
    }

    Map<UUID, Stories.Title> titles(Collection<UUID> ids) {
        Map<UUID, Stories.Title> out = new HashMap<>();
        jdbc.sql("SELECT id, title, hidden_at IS NOT NULL AS hidden FROM posts WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
                .query((rs, n) -> out.put(rs.getObject("id", UUID.class), new Stories.Title(rs.getString("title"), rs.getBoolean("hidden"))))
                .list();
        return out;
    }

    /** Whether the post exists, locking it against deletion (not against edits) until the transaction ends. */
    boolean lockIfPresent(UUID id) {
        return jdbc.sql("SELECT id FROM posts WHERE id = ? FOR KEY SHARE").param(id).query(UUID.class).optional().isPresent();
    }

    /** Updates only if the post is still at {@code expectedVersion}: a concurrent edit is refused, not overwritten. */
    boolean update(UUID id, UUID authorId, int expectedVersion, String title, String body, Visibility visibility,
                   Integer childAgeMonths, Instant at) {
        return jdbc.sql("""
                UPDATE posts SET title = ?, body = ?, visibility = ?, child_age_months = ?, edited_at = ?, version = version + 1
                WHERE id = ? AND author_id = ? AND version = ?""")
                .params(title, body, visibility.name(), childAgeMonths, Timestamp.from(at), id, authorId, expectedVersion)
                .update() == 1;
    }

    boolean delete(UUID id, UUID authorId) {
        return jdbc.sql("DELETE FROM posts WHERE id = ? AND author_id = ?").params(id, authorId).update() == 1;
    }

    /** A feed row as stored: the author's id, whose handle the accounts module knows. */
    record FeedRow(UUID authorId, PostSummary withoutHandle) {
        PostSummary withHandle(String handle) {
            PostSummary p = withoutHandle;
            return new PostSummary(p.id(), p.title(), p.excerpt(), handle, p.visibility(), p.childAgeMonths(), p.replyCount(),
                    p.reactionCount(), p.createdAt());
        }
    }

    List<FeedRow> feed(UUID viewer, int limit, int offset) {
        return jdbc.sql("""
                SELECT p.id, p.author_id, p.title, left(p.body, 400) AS excerpt, p.visibility, p.child_age_months, p.created_at,
                       (SELECT count(*) FROM replies r WHERE r.post_id = p.id AND r.hidden_at IS NULL) AS reply_count,
                       (SELECT count(*) FROM reactions x WHERE x.post_id = p.id) AS reaction_count
                FROM ((SELECT id FROM posts WHERE visibility = 'COMMUNITY' AND hidden_at IS NULL
                        ORDER BY created_at DESC, id DESC LIMIT ?)
                       UNION
                       (SELECT id FROM posts WHERE author_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)) page
                JOIN posts p ON p.id = page.id
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ? OFFSET ?""")
                // Two parts, each walking its own index, instead of "community OR mine", which made PostgreSQL read
                // and sort every post in the community for each page of the feed.
                .params(limit + offset, viewer, limit + offset, limit, offset)
                .query((rs, n) -> new FeedRow(rs.getObject("author_id", UUID.class), new PostSummary(rs.getObject("id", UUID.class),
                        rs.getString("title"), excerpt(rs.getString("excerpt")), null, Visibility.valueOf(rs.getString("visibility")),
                        (Integer) rs.getObject("child_age_months"), rs.getInt("reply_count"), rs.getInt("reaction_count"),
                        rs.getTimestamp("created_at").toInstant())))
                .list();
    }

    List<UUID> idsAfter(UUID after, int limit) {
        return after == null
                ? jdbc.sql("SELECT id FROM posts ORDER BY id LIMIT ?").param(limit).query(UUID.class).list()
                : jdbc.sql("SELECT id FROM posts WHERE id > ? ORDER BY id LIMIT ?").params(after, limit).query(UUID.class).list();
    }

    List<Post> byAuthor(UUID authorId) {
        return jdbc.sql("SELECT * FROM posts WHERE author_id = ? ORDER BY created_at").param(authorId)
                .query(PostRepository::post).list();
    }

    int anonymiseAuthor(UUID authorId) {
        return jdbc.sql("UPDATE posts SET author_id = NULL, submission_key = NULL WHERE author_id = ?").param(authorId).update();
    }

    int deleteByAuthor(UUID authorId) {
        return jdbc.sql("DELETE FROM posts WHERE author_id = ?").param(authorId).update();
    }

    List<UUID> idsByAuthor(UUID authorId) {
        return jdbc.sql("SELECT id FROM posts WHERE author_id = ?").param(authorId).query(UUID.class).list();
    }

    /** Hides the post unless it is hidden already; returns whether it changed. */
    boolean hide(UUID id, String reason, Instant at) {
        return jdbc.sql("UPDATE posts SET hidden_at = ?, hidden_reason = ? WHERE id = ? AND hidden_at IS NULL")
                .params(Timestamp.from(at), reason, id).update() == 1;
    }

    boolean restore(UUID id) {
        return jdbc.sql("UPDATE posts SET hidden_at = NULL, hidden_reason = NULL WHERE id = ? AND hidden_at IS NOT NULL")
                .param(id).update() == 1;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= 280) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', 280);
        return flat.substring(0, cut > 200 ? cut : 280) + "…";
    }

    static Post post(ResultSet rs, int row) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new Post(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class), rs.getString("title"),
                rs.getString("body"), Visibility.valueOf(rs.getString("visibility")), (Integer) rs.getObject("child_age_months"),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant(),
                instant(rs, "hidden_at"), rs.getString("hidden_reason"));
    }
}
