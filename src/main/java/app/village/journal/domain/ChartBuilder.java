package app.village.journal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns check-ins into the charts page: one point a day, or weekly averages when "all time"
 * spans more than {@value #DAILY_UP_TO_DAYS} days (three years stay about 160 points, so the
 * page stays small and fast). Pure: the same check-ins give the same page.
 */
public final class ChartBuilder {

    static final int DAILY_UP_TO_DAYS = 180;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WITH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private ChartBuilder() {
    }

    /** A day or a week, and the check-ins in it. */
    private record Bucket(LocalDate start, List<CheckIn> items) {

        Double mean(Function<CheckIn, ? extends Number> value) {
            double sum = 0;
            int n = 0;
            for (CheckIn c : items) {
                Number v = value.apply(c);
                if (v != null) {
                    sum += v.doubleValue();
                    n++;
                }
            }
            return n == 0 ? null : sum / n;
        }

        int missed() {
            int n = 0;
            for (CheckIn c : items) {
                if (c.medication() == Medication.MISSED) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * @param checkIns the member's check-ins in the range (all of them for {@link ChartRange#ALL}), oldest first
     * @param children names of the children rated, in the order to show them
     */
    public static ChartPage build(ChartRange range, LocalDate today, List<CheckIn> checkIns, Map<UUID, String> children) {
        LocalDate from = range == ChartRange.ALL
                ? (checkIns.isEmpty() ? today : checkIns.getFirst().day())
                : today.minusDays(range.days() - 1);
        boolean weekly = ChronoUnit.DAYS.between(from, today) + 1 > DAILY_UP_TO_DAYS;
        List<Bucket> buckets = buckets(from, today, weekly, checkIns);
        DateTimeFormatter axis = range == ChartRange.ALL ? WITH_YEAR : SHORT;

        List<UUID> rated = children.keySet().stream()
                .filter(id -> checkIns.stream().anyMatch(c -> c.closenessTo(id) != null)).toList();
        List<Chart.Band> missed = bands(buckets, weekly);
        int missedDays = (int) checkIns.stream().filter(c -> c.medication() == Medication.MISSED).count();

        List<Chart> charts = new ArrayList<>();
        charts.add(chart("mood", "Mood", 10, buckets, List.of(new Series("Mood", c -> c.mood())), missed, axis, weekly,
                " out of 10"));
        List<Series> closeness = new ArrayList<>();
        for (UUID id : rated) {
            closeness.add(new Series(rated.size() == 1 && id.equals(Closeness.THE_BABY) ? "Closeness" : children.get(id),
                    c -> c.closenessTo(id)));
        }
        if (closeness.isEmpty()) {
            closeness.add(new Series("Closeness", CheckIn::meanCloseness));
        }
        charts.add(chart("closeness", "Closeness to your baby", 10, buckets, closeness, missed, axis, weekly, " out of 10"));
        double maxSleep = checkIns.stream().filter(c -> c.sleepHours() != null)
                .mapToDouble(c -> c.sleepHours().doubleValue()).max().orElse(0);
        double sleepTop = Math.max(12, Math.ceil(maxSleep / 2) * 2);
        charts.add(chart("sleep", "Hours slept", sleepTop, buckets,
                List.of(new Series("Hours slept", CheckIn::sleepHours)), missed, axis, weekly, " hours"));

        List<String> columns = new ArrayList<>();
        columns.add(weekly ? "Week of" : "Day");
        if (weekly) {
            columns.add("Check-ins");
        }
        columns.add(weekly ? "Mood (average)" : "Mood");
        for (UUID id : rated) {
            columns.add("Closeness" + (rated.size() == 1 && id.equals(Closeness.THE_BABY) ? "" : ": " + children.get(id)));
        }
        columns.add(weekly ? "Sleep (average hours)" : "Sleep (hours)");
        columns.add(weekly ? "Missed doses" : "Medication");
        List<ChartPage.Row> rows = new ArrayList<>();
        for (int i = buckets.size() - 1; i >= 0; i--) {
            Bucket b = buckets.get(i);
            if (b.items().isEmpty()) {
                continue;
            }
            rows.add(weekly ? weekRow(b, rated) : dayRow(b.items().getFirst(), rated));
        }
        String summary = summary(range, checkIns.size(), missedDays, weekly);
        return new ChartPage(range, from, today, weekly, checkIns.size(), missedDays, List.copyOf(charts), List.copyOf(columns),
                List.copyOf(rows), summary);
    }

    private record Series(String name, Function<CheckIn, ? extends Number> value) {
    }

    private static List<Bucket> buckets(LocalDate from, LocalDate to, boolean weekly, List<CheckIn> checkIns) {
        LocalDate first = weekly ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        int step = weekly ? 7 : 1;
        int n = (int) (ChronoUnit.DAYS.between(first, to) / step) + 1;
        List<List<CheckIn>> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new ArrayList<>(step));
        }
        for (CheckIn c : checkIns) {
            long index = ChronoUnit.DAYS.between(first, c.day()) / step;
            if (index >= 0 && index < n && !c.day().isBefore(from)) {
                items.get((int) index).add(c);
            }
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(new Bucket(first.plusDays((long) i * step), items.get(i)));
        }
        return buckets;
    }

    private static double x(int index, int count) {
        return Chart.LEFT + (index + 0.5) * (Chart.RIGHT - Chart.LEFT) / count;
    }

    private static double y(double value, double max) {
        return Chart.BOTTOM - value / max * (Chart.BOTTOM - Chart.TOP);
    }

    private static List<Chart.Band> bands(List<Bucket> buckets, boolean weekly) {
        double width = (Chart.RIGHT - Chart.LEFT) / buckets.size();
        List<Chart.Band> bands = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            int missed = b.missed();
            if (missed > 0) {
                String label = weekly
                        ? "Week of " + b.start().format(WITH_YEAR) + ": " + missed + (missed == 1 ? " missed dose" : " missed doses")
                        : b.start().format(DAY) + ": dose missed";
                bands.add(new Chart.Band(Chart.LEFT + i * width, width, label));
            }
        }
        return List.copyOf(bands);
    }

    private static Chart chart(String id, String title, double max, List<Bucket> buckets, List<Series> series,
                               List<Chart.Band> missed, DateTimeFormatter axis, boolean weekly, String unit) {
        int n = buckets.size();
        boolean dots = n <= 92;
        List<Chart.Line> lines = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            StringBuilder path = new StringBuilder();
            List<Chart.Dot> points = new ArrayList<>();
            boolean drawing = false;
            double sum = 0;
            int count = 0;
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            LocalDate lowAt = null;
            LocalDate highAt = null;
            for (int i = 0; i < n; i++) {
                Double v = buckets.get(i).mean(ser.value());
                if (v == null) {
                    drawing = false;
                    continue;
                }
                double px = x(i, n);
                double py = y(v, max);
                path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(Chart.fmt(px)).append(' ').append(Chart.fmt(py));
                drawing = true;
                // A lone point between gaps has no line to show it, so it always gets a dot.
                boolean lone = (i == 0 || buckets.get(i - 1).mean(ser.value()) == null)
                        && (i == n - 1 || buckets.get(i + 1).mean(ser.value()) == null);
                if (dots || lone) {
                    points.add(new Chart.Dot(px, py));
                }
                sum += v;
                count++;
                if (v < low) {
                    low = v;
                    lowAt = buckets.get(i).start();
                }
                if (v > high) {
                    high = v;
                    highAt = buckets.get(i).start();
                }
            }
            lines.add(new Chart.Line(ser.name(), s, path.toString(), List.copyOf(points)));
            if (count > 0) {
                String name = series.size() > 1 ? ser.name() + ": " : "";
                DateTimeFormatter when = weekly ? WITH_YEAR : SHORT;
                String prefix = weekly ? "week of " : "";
                said.add(name + (weekly ? "weekly averages from " : "from ") + label(low) + " (" + prefix
                        + lowAt.format(when) + ") to " + label(high) + " (" + prefix + highAt.format(when)
                        + "), on average " + label(sum / count) + unit + ".");
            }
        }
        List<Chart.Tick> yTicks = List.of(new Chart.Tick(y(0, max), "0"), new Chart.Tick(y(max / 2, max), label(max / 2)),
                new Chart.Tick(y(max, max), label(max)));
        List<Chart.Tick> xTicks = new ArrayList<>();
        int labels = Math.min(n, 4);
        for (int k = 0; k < labels; k++) {
            int i = labels == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (labels - 1));
            xTicks.add(new Chart.Tick(x(i, n), buckets.get(i).start().format(axis)));
        }
        String summary = said.isEmpty() ? title + ": nothing recorded in this range."
                : title + ": " + String.join(" ", said);
        return new Chart(id, title, List.copyOf(lines), missed, yTicks, List.copyOf(xTicks), summary);
    }

    /** One decimal, without a trailing ".0": "7", "6.5". */
    private static String label(double v) {
        String one = PatternFinder.one(v);
        return one.endsWith(".0") ? one.substring(0, one.length() - 2) : one;
    }

    private static ChartPage.Row dayRow(CheckIn c, List<UUID> rated) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(c.mood()));
        for (UUID id : rated) {
            Integer v = c.closenessTo(id);
            cells.add(v == null ? "–" : String.valueOf(v));
        }
        cells.add(c.sleepHours() == null ? "–" : c.sleepHours().stripTrailingZeros().toPlainString());
        cells.add(c.medication() == null ? "–" : c.medication().label());
        return new ChartPage.Row(c.day().format(DAY), List.copyOf(cells), c.medication() == Medication.MISSED);
    }

    private static ChartPage.Row weekRow(Bucket b, List<UUID> rated) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(b.items().size()));
        cells.add(PatternFinder.one(b.mean(c -> c.mood())));
        for (UUID id : rated) {
            Double v = b.mean(c -> c.closenessTo(id));
            cells.add(v == null ? "–" : PatternFinder.one(v));
        }
        Double sleep = b.mean(CheckIn::sleepHours);
        cells.add(sleep == null ? "–" : PatternFinder.one(sleep));
        cells.add(String.valueOf(b.missed()));
        return new ChartPage.Row(b.start().format(WITH_YEAR), List.copyOf(cells), b.missed() > 0);
    }

    private static String summary(ChartRange range, int checkIns, int missedDays, boolean weekly) {
        if (checkIns == 0) {
            return "No check-ins in this range yet.";
        }
        String span = range == ChartRange.ALL ? "in all" : "in the " + range.label().toLowerCase(Locale.ENGLISH);
        String text = (checkIns == 1 ? "1 check-in " : checkIns + " check-ins ") + span + ".";
        if (weekly) {
            text += " Drawn as weekly averages.";
        }
        if (missedDays > 0) {
            text += " Medication was missed on " + (missedDays == 1 ? "1 day" : missedDays + " days")
                    + ", marked with a shaded band and a triangle under each chart.";
        }
        return text;
    }
}
