package app.village.community.domain;

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
class ReplyRepository {

    private final JdbcClient jdbc;

    ReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the new reply's id, or empty when this submission was already saved (a double click). */
    Optional<UUID> insertOnce(Reply reply, UUID submissionKey) {
        return jdbc.sql("""
                INSERT INTO replies (id, post_id, author_id, body, submission_key, version, created_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT ON CONSTRAINT replies_once_per_submission DO NOTHING
                RETURNING id""")
                .params(reply.id(), reply.postId(), reply.authorId(), reply.body(), submissionKey, Timestamp.from(reply.createdAt()))
                .query(UUID.class).optional();
    }

    UUID existing(UUID authorId, UUID submissionKey) {
        return jdbc.sql("SELECT id FROM replies WHERE author_id = ? AND submission_key = ?")
                .params(authorId, submissionKey).query(UUID.class).single();
    }

    Optional<Reply> find(UUID id) {
        return jdbc.sql("SELECT * FROM replies WHERE id = ?").param(id).query(ReplyRepository::reply).optional();
    }

    List<Reply> inThread(UUID postId) {
        return jdbc.sql("SELECT * FROM replies WHERE post_id = ? ORDER BY created_at, id").param(postId)
                .query(ReplyRepository::reply).list();
    }

    boolean update(UUID id, UUID authorId, int expectedVersion, String body, Instant at) {
        return jdbc.sql("UPDATE replies SET body = ?, edited_at = ?, version = version + 1 WHERE id = ? AND author_id = ? AND version = ?")
                .params(body, Timestamp.from(at), id, authorId, expectedVersion).update() == 1;
    }

    /** Whether the reply exists, locking it against deletion (not against edits) until the transaction ends. */
    boolean lockIfPresent(UUID id) {
        return jdbc.sql("SELECT id FROM replies WHERE id = ? FOR KEY SHARE").param(id).query(UUID.class).optional().isPresent();
    }

    boolean delete(UUID id, UUID authorId) {
        return jdbc.sql("DELETE FROM replies WHERE id = ? AND author_id = ?").params(id, authorId).update() == 1;
    }

    boolean hide(UUID id, String reason, Instant at) {
        return jdbc.sql("UPDATE replies SET hidden_at = ?, hidden_reason = ? WHERE id = ? AND hidden_at IS NULL")
                .params(Timestamp.from(at), reason, id).update() == 1;
    }

    boolean restore(UUID id) {
        return jdbc.sql("UPDATE replies SET hidden_at = NULL, hidden_reason = NULL WHERE id = ? AND hidden_at IS NOT NULL")
                .param(id).update() == 1;
    }

    List<Reply> byAuthor(UUID authorId) {
        return jdbc.sql("SELECT * FROM replies WHERE author_id = ? ORDER BY created_at").param(authorId)
                .query(ReplyRepository::reply).list();
    }

    int anonymiseAuthor(UUID authorId) {
        return jdbc.sql("UPDATE replies SET author_id = NULL, submission_key = NULL WHERE author_id = ?").param(authorId).update();
    }

    int deleteByAuthor(UUID authorId) {
        return jdbc.sql("DELETE FROM replies WHERE author_id = ?").param(authorId).update();
    }

    /** The writer's replies anywhere, and every reply in these threads. */
    List<UUID> idsByAuthorOrInThreads(UUID authorId, List<UUID> postIds) {
        return jdbc.sql("SELECT id FROM replies WHERE author_id = ? OR post_id = ANY(?)")
                .params(authorId, postIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    static Reply reply(ResultSet rs, int row) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new Reply(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getString("body"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant(),
                PostRepository.instant(rs, "hidden_at"), rs.getString("hidden_reason"));
    }
}
