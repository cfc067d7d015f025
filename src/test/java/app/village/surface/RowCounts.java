package app.village.surface;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows in every table of Village's schema, read in one statement, to show that a refused request
 * wrote nothing. Left out: the tables any request may write whatever its outcome, by design (sessions and their
 * flash messages, the sign-in throttle that also counts refused sign-ups, known devices, Flyway's history).
 */
final class RowCounts {

    static final Set<String> BOOKKEEPING = Set.of("spring_session", "spring_session_attributes", "sign_in_throttle",
            "known_devices", "flyway_schema_history");

    private final JdbcClient jdbc;
    private final String sql;

    RowCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name").query(String.class).list();
        this.sql = tables.stream().filter(t -> !BOOKKEEPING.contains(t))
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n FROM \"" + t + "\"").collect(Collectors.joining(" UNION ALL "));
    }

    Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query((rs, i) -> counts.put(rs.getString("t"), rs.getLong("n"))).list();
        return counts;
    }

    /** Waits until nothing in the background writes any more (two reads a moment apart agree), at most 30 s. */
    Map<String, Long> settled() {
        Map<String, Long> before = now();
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            World.sleep(300);
            Map<String, Long> after = now();
            if (after.equals(before)) {
                return after;
            }
            before = after;
        }
        return before;
    }

    /** The tables whose counts differ, with before and after. */
    static String difference(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(t -> !Objects.equals(before.get(t), after.get(t)))
                .map(t -> t + " " + before.get(t) + "->" + after.get(t)).collect(Collectors.joining(", "));
    }
}
