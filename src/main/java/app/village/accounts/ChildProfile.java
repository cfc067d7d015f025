package app.village.accounts;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A child on a member's profile: a nickname and the month of birth, from which the age follows. */
public record ChildProfile(UUID id, String nickname, YearMonth birthMonth) {

    /** Whole months since the birth month, counted as parents do (born in March, it is May: 2 months). */
    public int ageMonths(Clock clock) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(birthMonth, YearMonth.now(clock)));
    }
}
