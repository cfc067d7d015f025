package app.village.journal.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CheckInRepository {

    private static final String SELECT = """
            SELECT c.id, c.day, c.mood, c.sleep_hours, c.medication, c.note, c.version, c.created_at, c.updated_at,
                   k.child_id, k.closeness
            FROM journal_check_ins c LEFT JOIN journal_closeness k ON k.check_in_id = c.id
            """;

    private final JdbcClient jdbc;

    CheckInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CheckIn> find(UUID memberId, LocalDate day) {
        return group(jdbc.sql(SELECT + " WHERE c.member_id = ? AND c.day = ? ORDER BY k.child_id")
                .params(memberId, Date.valueOf(day)).query(CheckInRepository::row).list()).stream().findFirst();
    }

    /** Locks the day's check-in (if any) until the transaction ends, so two submissions for one day take turns. */
    Optional<Integer> lockVersion(UUID memberId, LocalDate day) {
        return jdbc.sql("SELECT version FROM journal_check_ins WHERE member_id = ? AND day = ? FOR UPDATE")
                .params(memberId, Date.valueOf(day)).query(Integer.class).optional();
    }

    /** Inserts unless the day already has a check-in (a concurrent first submission); true when inserted. */
    boolean insert(UUID id, UUID memberId, LocalDate day, int mood, BigDecimal sleep, Medication medication, String note,
                   Instant at) {
        return jdbc.sql("""
                INSERT INTO journal_check_ins (id, member_id, day, mood, sleep_hours, medication, note, version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT ON CONSTRAINT journal_one_check_in_a_day DO NOTHING""")
                .params(id, memberId, Date.valueOf(day), mood, sleep, medication == null ? null : medication.name(), note,
                        Timestamp.from(at))
                .update() == 1;
    }

    /** Updates the day's check-in if it is still at {@code expectedVersion}; returns its id when it was. */
    Optional<UUID> update(UUID memberId, LocalDate day, int expectedVersion, int mood, BigDecimal sleep, Medication medication,
                          String note, Instant at) {
        return jdbc.sql("""
                UPDATE journal_check_ins SET mood = ?, sleep_hours = ?, medication = ?, note = ?, updated_at = ?, version = version + 1
                WHERE member_id = ? AND day = ? AND version = ?
                RETURNING id""")
                .params(mood, sleep, medication == null ? null : medication.name(), note, Timestamp.from(at), memberId,
                        Date.valueOf(day), expectedVersion)
                .query(UUID.class).optional();
    }

    void replaceCloseness(UUID checkInId, List<Closeness> closeness) {
        jdbc.sql("DELETE FROM journal_closeness WHERE check_in_id = ?").param(checkInId).update();
        for (Closeness c : closeness) {
            jdbc.sql("INSERT INTO journal_closeness (check_in_id, child_id, closeness) VALUES (?, ?, ?)")
                    .params(checkInId, c.childId(), c.value()).update();
        }
    }

    UUID idOf(UUID memberId, LocalDate day) {
        return jdbc.sql("SELECT id FROM journal_check_ins WHERE member_id = ? AND day = ?")
                .params(memberId, Date.valueOf(day)).query(UUID.class).single();
    }

    /** Check-ins from {@code from} (null: the first) to {@code to}, oldest first. */
    List<CheckIn> between(UUID memberId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        return group(jdbc.sql(SELECT + " WHERE c.member_id = ? AND c.day BETWEEN ? AND ? ORDER BY c.day, k.child_id")
                .params(memberId, Date.valueOf(start), Date.valueOf(to)).query(CheckInRepository::row).list());
    }

    boolean delete(UUID memberId, LocalDate day) {
        return jdbc.sql("DELETE FROM journal_check_ins WHERE member_id = ? AND day = ?")
                .params(memberId, Date.valueOf(day)).update() == 1;
    }

    int deleteAll(UUID memberId) {
        return jdbc.sql("DELETE FROM journal_check_ins WHERE member_id = ?").param(memberId).update();
    }

    /** A joined row: the check-in's columns and one closeness (or none). */
    private record Row(CheckIn checkIn, Closeness closeness) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        String medication = rs.getString("medication");
        CheckIn checkIn = new CheckIn(rs.getObject("id", UUID.class), rs.getDate("day").toLocalDate(), rs.getInt("mood"),
                List.of(), rs.getBigDecimal("sleep_hours"), medication == null ? null : Medication.valueOf(medication),
                rs.getString("note"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                updated == null ? null : updated.toInstant());
        UUID child = rs.getObject("child_id", UUID.class);
        return new Row(checkIn, child == null ? null : new Closeness(child, rs.getInt("closeness")));
    }

    private static List<CheckIn> group(List<Row> rows) {
        Map<UUID, CheckIn> byId = new LinkedHashMap<>();
        Map<UUID, List<Closeness>> closeness = new LinkedHashMap<>();
        for (Row row : rows) {
            byId.putIfAbsent(row.checkIn().id(), row.checkIn());
            List<Closeness> list = closeness.computeIfAbsent(row.checkIn().id(), k -> new ArrayList<>());
            if (row.closeness() != null) {
                list.add(row.closeness());
            }
        }
        List<CheckIn> out = new ArrayList<>(byId.size());
        for (CheckIn c : byId.values()) {
            out.add(new CheckIn(c.id(), c.day(), c.mood(), closeness.get(c.id()), c.sleepHours(), c.medication(), c.note(),
                    c.version(), c.createdAt(), c.updatedAt()));
        }
        return out;
    }
}
