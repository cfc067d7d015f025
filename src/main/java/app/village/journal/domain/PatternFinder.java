package app.village.journal.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Finds patterns in a member's check-ins, and claims one only where the data supports it: at least
 * {@value #MIN_CHECK_INS} check-ins, at least {@value #MIN_PER_GROUP} days on each side of a
 * comparison, a difference of at least {@value #MIN_DIFFERENCE} point on the 0-10 scale, and a
 * statistical test (Welch's t-test, or the significance of a regression slope for trends) below
 * {@value #ALPHA}: 0.01 shared between the five questions asked (Bonferroni), so pure noise in a
 * member's numbers claims anything at most once in a hundred members. Staying silent about a
 * weak real pattern is the safer mistake. Pure and deterministic.
 */
public final class PatternFinder {

    public static final int MIN_CHECK_INS = 14;
    public static final int MIN_PER_GROUP = 3;
    public static final double MIN_DIFFERENCE = 1.0;
    public static final double ALPHA = 0.002;
    /** Medication and sleep are compared over this many days up to today; older months tell less about now. */
    public static final int WINDOW_DAYS = 90;
    public static final int TREND_DAYS = 28;

    private static final String PRESCRIBER = "Talk to whoever prescribes your medication about this, and before "
            + "changing how you take it. If taking it every day is hard, they can help with that too.";
    private static final String WORSE = "If you are feeling worse, you do not have to wait: your doctor, midwife or "
            + "health visitor can help, and so can the people on \"Need help now?\".";

    private PatternFinder() {
    }

    public static List<Pattern> find(List<CheckIn> checkIns, LocalDate today) {
        List<CheckIn> window = checkIns.stream()
                .filter(c -> !c.day().isAfter(today) && c.day().isAfter(today.minusDays(WINDOW_DAYS))).toList();
        if (window.size() < MIN_CHECK_INS) {
            return List.of();
        }
        List<Pattern> found = new ArrayList<>();
        medication(window).ifPresent(found::add);
        sleep(window, "sleep-mood", "mood", c -> c.mood()).ifPresent(found::add);
        sleep(window.stream().filter(c -> c.meanCloseness() != null).toList(), "sleep-closeness", "closeness to your baby",
                CheckIn::meanCloseness).ifPresent(found::add);
        trend(window, today, "trend-mood", "mood", c -> c.mood()).ifPresent(found::add);
        trend(window.stream().filter(c -> c.meanCloseness() != null).toList(), today, "trend-closeness",
                "closeness to your baby", CheckIn::meanCloseness).ifPresent(found::add);
        return List.copyOf(found);
    }

    /** Two groups of values compared: their means, sizes and Welch's two-sided p. */
    record Comparison(double meanA, int nA, double meanB, int nB, double p) {

        static java.util.Optional<Comparison> of(double[] a, double[] b) {
            if (a.length < MIN_PER_GROUP || b.length < MIN_PER_GROUP) {
                return java.util.Optional.empty();
            }
            double meanA = StatUtils.mean(a);
            double meanB = StatUtils.mean(b);
            double p;
            if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) {
                // Constant groups: the t statistic is undefined; equal constants differ by nothing, unequal ones plainly.
                p = meanA == meanB ? 1 : 0;
            } else {
                p = new TTest().tTest(a, b);
            }
            return java.util.Optional.of(new Comparison(meanA, a.length, meanB, b.length, p));
        }

        boolean supported() {
            return p < ALPHA && Math.abs(meanA - meanB) >= MIN_DIFFERENCE;
        }
    }

    static java.util.Optional<Pattern> medication(List<CheckIn> window) {
        Map<LocalDate, CheckIn> byDay = new HashMap<>();
        window.forEach(c -> byDay.put(c.day(), c));
        List<Double> afterMissed = new ArrayList<>();
        List<Double> afterTaken = new ArrayList<>();
        for (CheckIn c : window) {
            CheckIn before = byDay.get(c.day().minusDays(1));
            if (before == null || before.medication() == null) {
                continue;
            }
            switch (before.medication()) {
                case MISSED -> afterMissed.add((double) c.mood());
                case TAKEN -> afterTaken.add((double) c.mood());
                default -> { }
            }
        }
        return Comparison.of(array(afterMissed), array(afterTaken)).filter(Comparison::supported).map(cmp -> new Pattern(
                "medication",
                "On days after a missed dose, your mood was " + (cmp.meanA() < cmp.meanB() ? "lower" : "higher")
                        + " than on days after a dose you took.",
                "After a missed dose: average mood " + one(cmp.meanA()) + " out of 10 over " + days(cmp.nA())
                        + ". After a dose taken: " + one(cmp.meanB()) + " over " + days(cmp.nB()) + ". " + test(cmp),
                PRESCRIBER));
    }

    static java.util.Optional<Pattern> sleep(List<CheckIn> window, String code, String what, ToDoubleFunction<CheckIn> value) {
        List<CheckIn> slept = window.stream().filter(c -> c.sleepHours() != null).toList();
        if (slept.size() < MIN_CHECK_INS) {
            return java.util.Optional.empty();
        }
        double[] hours = slept.stream().mapToDouble(c -> c.sleepHours().doubleValue()).toArray();
        double split = median(hours);
        List<Double> shortNights = new ArrayList<>();
        List<Double> longNights = new ArrayList<>();
        for (CheckIn c : slept) {
            (c.sleepHours().doubleValue() < split ? shortNights : longNights).add(value.applyAsDouble(c));
        }
        String hoursText = hours(split);
        return Comparison.of(array(shortNights), array(longNights)).filter(Comparison::supported).map(cmp -> new Pattern(
                code,
                "On days after less sleep, your " + what + " was " + (cmp.meanA() < cmp.meanB() ? "lower" : "higher")
                        + " than after more sleep.",
                "After less than " + hoursText + " of sleep: average " + one(cmp.meanA()) + " out of 10 over " + days(cmp.nA())
                        + ". After " + hoursText + " or more: " + one(cmp.meanB()) + " over " + days(cmp.nB()) + ". " + test(cmp),
                null));
    }

    static java.util.Optional<Pattern> trend(List<CheckIn> window, LocalDate today, String code, String what,
                                             ToDoubleFunction<CheckIn> value) {
        LocalDate start = today.minusDays(TREND_DAYS - 1);
        List<CheckIn> recent = window.stream().filter(c -> !c.day().isBefore(start)).toList();
        if (recent.size() < MIN_CHECK_INS) {
            return java.util.Optional.empty();
        }
        SimpleRegression regression = new SimpleRegression();
        List<Double> firstHalf = new ArrayList<>();
        List<Double> secondHalf = new ArrayList<>();
        for (CheckIn c : recent) {
            long x = ChronoUnit.DAYS.between(start, c.day());
            double y = value.applyAsDouble(c);
            regression.addData(x, y);
            (x < TREND_DAYS / 2 ? firstHalf : secondHalf).add(y);
        }
        if (firstHalf.size() < MIN_PER_GROUP || secondHalf.size() < MIN_PER_GROUP) {
            return java.util.Optional.empty();
        }
        double slope = regression.getSlope();
        double p = regression.getSignificance();
        double change = slope * (TREND_DAYS - 1);
        if (Double.isNaN(p) || p >= ALPHA || Math.abs(change) < MIN_DIFFERENCE) {
            return java.util.Optional.empty();
        }
        boolean rising = slope > 0;
        double first = StatUtils.mean(array(firstHalf));
        double second = StatUtils.mean(array(secondHalf));
        return java.util.Optional.of(new Pattern(code,
                "Over the last four weeks, your " + what + " has been " + (rising ? "rising." : "falling."),
                "Average " + one(first) + " out of 10 in the first two weeks (" + days(firstHalf.size()) + "), "
                        + one(second) + " in the last two (" + days(secondHalf.size()) + "); about "
                        + one(Math.abs(slope * 7)) + " points a week " + (rising ? "up" : "down") + " (trend p = "
                        + p(p) + ").",
                rising ? null : WORSE));
    }

    private static String test(Comparison cmp) {
        return "Welch's t-test p = " + p(cmp.p()) + ".";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    static String hours(double h) {
        String text = h == Math.rint(h) ? String.valueOf((long) h) : String.format(Locale.ROOT, "%.2f", h).replaceAll("0$", "");
        return text + (h == 1 ? " hour" : " hours");
    }
}
