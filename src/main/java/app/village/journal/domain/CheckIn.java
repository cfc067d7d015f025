package app.village.journal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One day's check-in as stored. {@code sleepHours}, {@code medication} and {@code note} may be unanswered (null). */
public record CheckIn(UUID id, LocalDate day, int mood, List<Closeness> closeness, BigDecimal sleepHours,
                      Medication medication, String note, int version, Instant createdAt, Instant updatedAt) {

    public CheckIn {
        closeness = List.copyOf(closeness);
    }

    /** The mean closeness over the children rated, or null when none was. */
    public Double meanCloseness() {
        return closeness.isEmpty() ? null : closeness.stream().mapToInt(Closeness::value).average().orElseThrow();
    }

    public Integer closenessTo(UUID childId) {
        return closeness.stream().filter(c -> c.childId().equals(childId)).map(Closeness::value).findFirst().orElse(null);
    }
}
