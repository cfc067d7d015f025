package app.village.safety.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The safety_on_call and safety_rota tables. */
@Repository
class OnCallRepository {

    private final JdbcClient jdbc;

    OnCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean setOnCall(UUID memberId, Instant since) {
        return jdbc.sql("INSERT INTO safety_on_call (member_id, since) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(memberId, Timestamp.from(since)).update() == 1;
    }

    boolean setOffCall(UUID memberId) {
        return jdbc.sql("DELETE FROM safety_on_call WHERE member_id = ?").param(memberId).update() == 1;
    }

    List<UUID> onCall() {
        return jdbc.sql("SELECT member_id FROM safety_on_call ORDER BY since").query(UUID.class).list();
    }

    record Slot(UUID id, UUID memberId, int dayOfWeek, int startMinute, int endMinute) {
    }

    List<Slot> slots() {
        return jdbc.sql("SELECT * FROM safety_rota ORDER BY day_of_week, start_minute, end_minute")
                .query((rs, n) -> new Slot(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getInt("day_of_week"), rs.getInt("start_minute"), rs.getInt("end_minute")))
                .list();
    }

    void addSlot(Slot slot, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_rota (id, member_id, day_of_week, start_minute, end_minute, created_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(slot.id(), slot.memberId(), slot.dayOfWeek(), slot.startMinute(), slot.endMinute(), Timestamp.from(at))
                .update();
    }

    boolean removeSlot(UUID id) {
        return jdbc.sql("DELETE FROM safety_rota WHERE id = ?").param(id).update() == 1;
    }

    void forget(UUID memberId) {
        jdbc.sql("DELETE FROM safety_on_call WHERE member_id = ?").param(memberId).update();
        jdbc.sql("DELETE FROM safety_rota WHERE member_id = ?").param(memberId).update();
    }
}
