package app.village.journal.domain;

import java.util.List;

/**
 * One chart as drawn on the server in SVG user units (a {@value #WIDTH} by {@value #HEIGHT} view
 * box), so the page needs no script: lines, dots, the days medication was missed, the axes, and a
 * text summary for people who do not see the drawing.
 */
public record Chart(String id, String title, List<Line> lines, List<Band> missed, List<Tick> yTicks, List<Tick> xTicks,
                    String summary) {

    // Narrow on purpose: a phone shows it at about two thirds of its size, so labels stay readable.
    public static final int WIDTH = 480;
    public static final int HEIGHT = 210;
    public static final double LEFT = 30;
    public static final double RIGHT = 472;
    public static final double TOP = 10;
    public static final double BOTTOM = 176;
    /** Where the day labels sit, below the missed-dose markers. */
    public static final double X_LABELS = 204;

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    // The plot's edges, for the template.
    public double left() {
        return LEFT;
    }

    public double right() {
        return RIGHT;
    }

    public double top() {
        return TOP;
    }

    public double plotHeight() {
        return BOTTOM - TOP;
    }

    public double labelsY() {
        return X_LABELS;
    }

    /** A series: the SVG path ({@code M x y L x y ...}, broken where there is no data) and its dots. */
    public record Line(String name, int index, String path, List<Dot> dots) {

        public String cssClass() {
            return "line line-" + (index % 4);
        }
    }

    public record Dot(double x, double y) {
    }

    /** A day (or week) with a missed dose, drawn as a band behind the lines and a marker under the plot. */
    public record Band(double x, double width, String label) {

        /** The points of the marker triangle below the plot. */
        public String marker() {
            double cx = x + width / 2;
            return fmt(cx - 6) + "," + fmt(BOTTOM + 14) + " " + fmt(cx + 6) + "," + fmt(BOTTOM + 14) + " " + fmt(cx) + ","
                    + fmt(BOTTOM + 3);
        }
    }

    public record Tick(double at, String label) {
    }

    static String fmt(double v) {
        return Double.toString(Math.round(v * 10) / 10.0);
    }
}
