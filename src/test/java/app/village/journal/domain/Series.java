package app.village.journal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded synthetic check-ins with effects chosen by the test: the same seed gives the same
 * series, so a failure can be reproduced. Scores are rounded and clamped to 0-10 as a member's
 * taps would be.
 */
final class Series {

    /** What one day looks like before rounding: the test decides how mood and closeness follow from the rest. */
    interface Day {
        double mood(int index, Medication yesterday, double sleep, Random random);
    }

    private Series() {
    }

    static List<CheckIn> generate(LocalDate today, int days, long seed, double missedShare, Day mood, Day closeness) {
        Random random = new Random(seed);
        List<CheckIn> out = new ArrayList<>();
        Medication yesterday = null;
        for (int i = 0; i < days; i++) {
            LocalDate day = today.minusDays(days - 1 - i);
            double sleep = 3 + random.nextDouble() * 6;
            Medication medication = random.nextDouble() < missedShare ? Medication.MISSED : Medication.TAKEN;
            int m = clamp(mood.mood(i, yesterday, sleep, random));
            List<Closeness> k = closeness == null ? List.of()
                    : List.of(new Closeness(Closeness.THE_BABY, clamp(closeness.mood(i, yesterday, sleep, random))));
            out.add(new CheckIn(UUID.randomUUID(), day, m, k, BigDecimal.valueOf(sleep).setScale(1, RoundingMode.HALF_UP),
                    medication, null, 0, Instant.EPOCH, null));
            yesterday = medication;
        }
        return out;
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(10, Math.round(v)));
    }

    static Day noise(double mean, double sd) {
        return (i, y, s, r) -> mean + r.nextGaussian() * sd;
    }
}
