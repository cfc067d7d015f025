package app.village.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Known effects in generated series are found with their numbers; noise and thin data claim nothing. */
class PatternFinderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static List<String> codes(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::code).toList();
    }

    @Test
    void aLowerMoodAfterMissedDosesIsFoundWithItsNumbersAndThePrescriber() {
        List<CheckIn> series = Series.generate(TODAY, 60, 7, 0.25,
                (i, yesterday, sleep, r) -> (yesterday == Medication.MISSED ? 3.5 : 6.5) + r.nextGaussian() * 1.2, null);
        List<Pattern> found = PatternFinder.find(series, TODAY);
        Pattern medication = found.stream().filter(p -> p.code().equals("medication")).findFirst().orElseThrow();
        assertThat(medication.text()).isEqualTo("On days after a missed dose, your mood was lower than on days after a dose you took.");
        assertThat(medication.numbers()).matches("After a missed dose: average mood [0-9.]+ out of 10 over \\d+ days\\. "
                + "After a dose taken: [0-9.]+ over \\d+ days\\. Welch's t-test p = .+\\.");
        assertThat(medication.advice()).contains("whoever prescribes your medication");
        assertThat(medication.caution()).contains("not medical advice");
        // The numbers are the series' own: roughly 3.5 against 6.5.
        double missed = Double.parseDouble(medication.numbers().replaceAll("^After a missed dose: average mood ([0-9.]+).*$", "$1"));
        assertThat(missed).isBetween(2.5, 4.5);
        assertThat(codes(found)).doesNotContain("sleep-mood", "trend-mood");
    }

    @Test
    void moodAndClosenessThatFollowSleepAreFound() {
        List<CheckIn> series = Series.generate(TODAY, 45, 11, 0.0,
                (i, y, sleep, r) -> 0.5 + 0.9 * sleep + r.nextGaussian() * 1.0,
                (i, y, sleep, r) -> 1 + 0.8 * sleep + r.nextGaussian() * 1.0);
        List<Pattern> found = PatternFinder.find(series, TODAY);
        assertThat(codes(found)).contains("sleep-mood", "sleep-closeness").doesNotContain("medication");
        Pattern sleepMood = found.stream().filter(p -> p.code().equals("sleep-mood")).findFirst().orElseThrow();
        assertThat(sleepMood.text()).isEqualTo("On days after less sleep, your mood was lower than after more sleep.");
        assertThat(sleepMood.numbers()).startsWith("After less than ").contains(" hours of sleep: average ").contains("p = ");
    }

    @Test
    void aRisingAndAFallingFourWeekTrendAreFound() {
        List<CheckIn> rising = Series.generate(TODAY, 28, 3, 0.0, (i, y, s, r) -> 2.5 + 0.2 * i + r.nextGaussian() * 0.8, null);
        Pattern up = PatternFinder.find(rising, TODAY).stream().filter(p -> p.code().equals("trend-mood")).findFirst().orElseThrow();
        assertThat(up.text()).isEqualTo("Over the last four weeks, your mood has been rising.");
        assertThat(up.advice()).isNull();

        List<CheckIn> falling = Series.generate(TODAY, 40, 5, 0.0,
                (i, y, s, r) -> i < 12 ? 7 : 8 - 0.2 * (i - 12) + r.nextGaussian() * 0.8, null);
        Pattern down = PatternFinder.find(falling, TODAY).stream().filter(p -> p.code().equals("trend-mood")).findFirst().orElseThrow();
        assertThat(down.text()).isEqualTo("Over the last four weeks, your mood has been falling.");
        assertThat(down.numbers()).contains("in the first two weeks").contains("points a week down");
        assertThat(down.advice()).contains("doctor, midwife or health visitor");
    }

    @Test
    void noiseClaimsSomethingInAtMostTheDesignedShareOfSeries() {
        int series = 1000;
        int claiming = 0;
        for (long seed = 1; seed <= series; seed++) {
            List<CheckIn> noise = Series.generate(TODAY, 60, seed, 0.3, Series.noise(5, 2), Series.noise(6, 2));
            if (!PatternFinder.find(noise, TODAY).isEmpty()) {
                claiming++;
            }
        }
        System.out.printf("PatternFinder on noise: %d of %d series claimed a pattern%n", claiming, series);
        // Five questions at alpha 0.002 each bound the chance of any claim on pure noise by 1%; allow sampling
        // room (about three standard deviations of a count of 1,000 series) but no more.
        assertThat(claiming).isLessThanOrEqualTo(series * 2 / 100);
    }

    @Test
    void thirteenCheckInsClaimNothingHoweverStrongTheEffect() {
        List<CheckIn> thin = Series.generate(TODAY, 13, 7, 0.4,
                (i, yesterday, sleep, r) -> (yesterday == Medication.MISSED ? 1 : 9) + 0.3 * i, null);
        assertThat(PatternFinder.find(thin, TODAY)).isEmpty();
        List<CheckIn> fourteen = Series.generate(TODAY, 14, 7, 0.4,
                (i, yesterday, sleep, r) -> (yesterday == Medication.MISSED ? 1 : 9), null);
        assertThat(codes(PatternFinder.find(fourteen, TODAY))).contains("medication");
    }

    @Test
    void fewerThanThreeDaysAfterAMissedDoseClaimNothingAboutMedication() {
        List<CheckIn> series = Series.generate(TODAY, 40, 9, 0.0, (i, y, s, r) -> 7 + r.nextGaussian() * 0.3, null);
        // Two missed doses, each followed by a very low day: striking, but two days are not a pattern.
        List<CheckIn> changed = new java.util.ArrayList<>(series);
        for (int day : new int[]{10, 25}) {
            CheckIn c = changed.get(day);
            changed.set(day, new CheckIn(c.id(), c.day(), c.mood(), c.closeness(), c.sleepHours(), Medication.MISSED, null, 0,
                    c.createdAt(), null));
            CheckIn next = changed.get(day + 1);
            changed.set(day + 1, new CheckIn(next.id(), next.day(), 1, next.closeness(), next.sleepHours(), next.medication(),
                    null, 0, next.createdAt(), null));
        }
        assertThat(codes(PatternFinder.find(changed, TODAY))).doesNotContain("medication");
    }

    @Test
    void aSignificantButSmallDifferenceIsNotClaimed() {
        // Half a point, very steady: the test alone would call it real; the effect threshold does not.
        List<CheckIn> series = Series.generate(TODAY, 90, 13, 0.4,
                (i, yesterday, sleep, r) -> (yesterday == Medication.MISSED ? 6.0 : 6.6) + r.nextGaussian() * 0.05, null);
        assertThat(codes(PatternFinder.find(series, TODAY))).doesNotContain("medication");
    }

    @Test
    void checkInsOutsideTheWindowAreNotCounted() {
        List<CheckIn> old = Series.generate(TODAY.minusDays(200), 60, 7, 0.25,
                (i, yesterday, sleep, r) -> (yesterday == Medication.MISSED ? 2 : 8) + r.nextGaussian() * 0.5, null);
        assertThat(PatternFinder.find(old, TODAY)).isEmpty();
    }
}
