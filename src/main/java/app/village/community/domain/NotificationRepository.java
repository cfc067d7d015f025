package app.village.community.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    /** A notification as stored; the replier's handle is looked up when shown. */
    record Row(UUID id, UUID postId, String postTitle, UUID replyId, UUID replierId, Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void newReply(List<UUID> recipients, UUID postId, UUID replyId, Instant at) {
        for (UUID recipient : recipients) {
            jdbc.sql("INSERT INTO notifications (id, member_id, post_id, reply_id, kind, created_at) VALUES (?, ?, ?, ?, 'NEW_REPLY', ?)")
                    .params(UUID.randomUUID(), recipient, postId, replyId, Timestamp.from(at)).update();
        }
    }

    /**
     * The notifications a member may see now: about posts they can still read (a post made private, held or
     * hidden is their writer's alone again, title included) and replies nobody has hidden. Kept, not deleted:
     * a restored post's notifications come back.
     */
    private static final String VISIBLE = """
            FROM notifications n JOIN posts p ON p.id = n.post_id LEFT JOIN replies r ON r.id = n.reply_id
            WHERE n.member_id = ?
              AND (p.author_id = n.member_id OR (p.visibility = 'COMMUNITY' AND p.hidden_at IS NULL))
              AND (r.id IS NULL OR r.hidden_at IS NULL)""";

    List<Row> latest(UUID memberId, int limit) {
        return jdbc.sql("SELECT n.id, n.post_id, p.title, n.reply_id, r.author_id AS replier, n.created_at, n.read_at "
                        + VISIBLE + " ORDER BY n.created_at DESC LIMIT ?")
                .params(memberId, limit)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                        rs.getString("title"), rs.getObject("reply_id", UUID.class), rs.getObject("replier", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
    }

    int unread(UUID memberId) {
        return jdbc.sql("SELECT count(*) " + VISIBLE + " AND n.read_at IS NULL").param(memberId)
                .query(Integer.class).single();
    }

    void markAllRead(UUID memberId, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE member_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), memberId).update();
    }

    void markThreadRead(UUID memberId, UUID postId, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE member_id = ? AND post_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), memberId, postId).update();
    }

    void forget(UUID memberId) {
        jdbc.sql("DELETE FROM notifications WHERE member_id = ?").param(memberId).update();
    }
}
