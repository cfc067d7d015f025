package app.village.screening.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.village.screening.core.CutOffResult;
import app.village.screening.core.ScaleScore;
import app.village.screening.domain.Screening;

/**
 * One instrument's main score over time, drawn on the server as SVG coordinates (no script, so
 * the Content-Security-Policy stays strict), with its cut-off line. The page also shows the same
 * figures as a table for screen readers and anyone who prefers numbers.
 */
record HistoryChart(String instrument, String title, String scaleLabel, int min, int max, List<Point> points,
                    Integer cutOff, String cutOffLabel, List<Row> rows) {

    static final int WIDTH = 600;
    static final int HEIGHT = 240;
    static final int LEFT = 44;
    static final int RIGHT = 36;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK).withZone(ZoneOffset.UTC);

    record Point(int x, int y, int score, String label, String date) {
    }

    record Row(String date, String score, String meaning, String resultHref) {
    }

    record Tick(int y, int value) {
    }

    static HistoryChart of(String instrument, String title, List<Screening> screenings) {
        List<Screening> scored = screenings.stream().filter(s -> s.result().complete()).toList();
        ScaleScore first = screenings.getLast().result().main();
        int min = first.min();
        int max = first.max();
        List<Point> points = new ArrayList<>();
        int n = scored.size();
        for (int i = 0; i < n; i++) {
            Screening s = scored.get(i);
            int score = s.result().main().score();
            int x = n == 1 ? LEFT + plotWidth() / 2 : LEFT + Math.round((float) i * plotWidth() / (n - 1));
            // With many results only the first and last dates are written under the axis, so labels never overlap.
            String label = n <= 6 || i == 0 || i == n - 1 ? SHORT.format(s.completedAt()) : "";
            points.add(new Point(x, y(score, min, max), score, label, DAY.format(s.completedAt())));
        }
        CutOffResult cut = screenings.getLast().result().main().primaryCutOff().orElse(null);
        List<Row> rows = screenings.reversed().stream().map(s -> {
            ScaleScore main = s.result().main();
            String score = main.complete() ? main.score() + " of " + main.max() : "not scored (unanswered questions)";
            String meaning = !main.complete() ? "" : main.band() != null ? main.band()
                    : main.primaryCutOff().map(c -> Boolean.TRUE.equals(c.reached()) ? "at or above the cut-off" : "below the cut-off").orElse("");
            return new Row(DAY.format(s.completedAt()), score, meaning, "/screening/results/" + s.id());
        }).toList();
        return new HistoryChart(instrument, title, first.label(), min, max, points, cut == null ? null : cut.atLeast(),
                cut == null ? null : "cut-off " + cut.atLeast() + ": " + cut.meaning(), rows);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int y(int score, int min, int max) {
        int h = HEIGHT - TOP - BOTTOM;
        return TOP + Math.round((float) (max - score) * h / (max - min));
    }

    public String polyline() {
        return points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    }

    public Integer cutOffY() {
        return cutOff == null ? null : y(cutOff, min, max);
    }

    public List<Tick> ticks() {
        return List.of(new Tick(y(max, min, max), max), new Tick(y((min + max) / 2, min, max), (min + max) / 2), new Tick(y(min, min, max), min));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public int labelY() {
        return HEIGHT - BOTTOM + 22;
    }

    public String summary() {
        if (points.isEmpty()) {
            return title + ": no scored results yet.";
        }
        return title + ": " + points.size() + (points.size() == 1 ? " result" : " results") + ", from "
                + points.getFirst().date() + " (" + points.getFirst().score() + ") to " + points.getLast().date() + " ("
                + points.getLast().score() + ")" + (cutOff == null ? "" : "; " + cutOffLabel) + ".";
    }
}
