package app.village.safety.crisis;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The country a member chose for crisis help, so every crisis panel shows theirs without asking again. */
@Repository
public class ChosenCountries {

    private final JdbcClient jdbc;

    ChosenCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(UUID member) {
        return jdbc.sql("SELECT country FROM safety_member_country WHERE member_id = ?").param(member).query(String.class).optional();
    }

    public void remember(UUID member, String country, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_member_country (member_id, country, chosen_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET country = EXCLUDED.country, chosen_at = EXCLUDED.chosen_at""")
                .params(member, country, Timestamp.from(at)).update();
    }

    public void forget(UUID member) {
        jdbc.sql("DELETE FROM safety_member_country WHERE member_id = ?").param(member).update();
    }
}
