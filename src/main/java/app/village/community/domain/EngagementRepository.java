package app.village.community.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.community.ReactionKind;

/** Reactions and follows: small facts about a member and a post. */
@Repository
class EngagementRepository {

    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void react(UUID postId, UUID memberId, ReactionKind kind, Instant at) {
        jdbc.sql("INSERT INTO reactions (post_id, member_id, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(postId, memberId, kind.name(), Timestamp.from(at)).update();
    }

    void unreact(UUID postId, UUID memberId, ReactionKind kind) {
        jdbc.sql("DELETE FROM reactions WHERE post_id = ? AND member_id = ? AND kind = ?")
                .params(postId, memberId, kind.name()).update();
    }

    Map<ReactionKind, Integer> reactionCounts(UUID postId) {
        Map<ReactionKind, Integer> counts = new EnumMap<>(ReactionKind.class);
        for (ReactionKind kind : ReactionKind.values()) {
            counts.put(kind, 0);
        }
        jdbc.sql("SELECT kind, count(*) AS n FROM reactions WHERE post_id = ? GROUP BY kind").param(postId)
                .query(rs -> {
                    counts.put(ReactionKind.valueOf(rs.getString("kind")), rs.getInt("n"));
                });
        return counts;
    }

    Set<ReactionKind> reactionsOf(UUID postId, UUID memberId) {
        Set<ReactionKind> kinds = EnumSet.noneOf(ReactionKind.class);
        jdbc.sql("SELECT kind FROM reactions WHERE post_id = ? AND member_id = ?").params(postId, memberId)
                .query(String.class).list().forEach(k -> kinds.add(ReactionKind.valueOf(k)));
        return kinds;
    }

    void follow(UUID postId, UUID memberId, Instant at) {
        jdbc.sql("INSERT INTO follows (post_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(postId, memberId, Timestamp.from(at)).update();
    }

    void unfollow(UUID postId, UUID memberId) {
        jdbc.sql("DELETE FROM follows WHERE post_id = ? AND member_id = ?").params(postId, memberId).update();
    }

    boolean follows(UUID postId, UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM follows WHERE post_id = ? AND member_id = ?").params(postId, memberId)
                .query(Long.class).single() > 0;
    }

    List<UUID> followers(UUID postId) {
        return jdbc.sql("SELECT member_id FROM follows WHERE post_id = ?").param(postId).query(UUID.class).list();
    }

    List<Map<String, Object>> reactionsBy(UUID memberId) {
        return jdbc.sql("SELECT post_id, kind, created_at FROM reactions WHERE member_id = ? ORDER BY created_at")
                .param(memberId).query().listOfRows();
    }

    List<Map<String, Object>> followsBy(UUID memberId) {
        return jdbc.sql("SELECT post_id, created_at FROM follows WHERE member_id = ? ORDER BY created_at")
                .param(memberId).query().listOfRows();
    }

    void forget(UUID memberId) {
        jdbc.sql("DELETE FROM reactions WHERE member_id = ?").param(memberId).update();
        jdbc.sql("DELETE FROM follows WHERE member_id = ?").param(memberId).update();
    }
}
