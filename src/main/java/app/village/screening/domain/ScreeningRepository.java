package app.village.screening.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.village.screening.core.ScreeningResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ScreeningRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ScreeningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless this member already used the submission key; returns the id stored under the key. */
    UUID insertOnce(Screening s, UUID submissionKey) {
        ScreeningResult r = s.result();
        jdbc.sql("""
                INSERT INTO screenings (id, member_id, instrument, instrument_version, submission_key, answers, result,
                                        main_score, complete, urgent, completed_at)
                VALUES (:id, :member, :instrument, :version, :key, CAST(:answers AS jsonb), CAST(:result AS jsonb),
                        :score, :complete, :urgent, :at)
                ON CONFLICT (member_id, submission_key) DO NOTHING""")
                .param("id", s.id()).param("member", s.memberId()).param("instrument", s.instrument())
                .param("version", s.version()).param("key", submissionKey)
                .param("answers", JSON.writeValueAsString(s.answers())).param("result", JSON.writeValueAsString(r))
                .param("score", r.main().score()).param("complete", r.complete()).param("urgent", r.urgent())
                .param("at", Timestamp.from(s.completedAt()))
                .update();
        return jdbc.sql("SELECT id FROM screenings WHERE member_id = :member AND submission_key = :key")
                .param("member", s.memberId()).param("key", submissionKey).query(UUID.class).single();
    }

    Optional<Screening> find(UUID id) {
        return jdbc.sql("SELECT * FROM screenings WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Oldest first, as a history reads. */
    List<Screening> byMember(UUID member) {
        return jdbc.sql("SELECT * FROM screenings WHERE member_id = :member ORDER BY completed_at, id")
                .param("member", member).query(this::map).list();
    }

    int deleteByMember(UUID member) {
        return jdbc.sql("DELETE FROM screenings WHERE member_id = :member").param("member", member).update();
    }

    private Screening map(ResultSet rs, int row) throws SQLException {
        return new Screening(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("instrument"),
                rs.getString("instrument_version"), JSON.readValue(rs.getString("answers"), ANSWERS),
                JSON.readValue(rs.getString("result"), ScreeningResult.class), rs.getTimestamp("completed_at").toInstant());
    }
}
