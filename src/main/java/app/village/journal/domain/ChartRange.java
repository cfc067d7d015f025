package app.village.journal.domain;

import app.village.platform.InvalidInputException;

/** The spans a member can look back over. */
public enum ChartRange {
    WEEK("7", 7, "Last 7 days"), MONTH("30", 30, "Last 30 days"), QUARTER("90", 90, "Last 90 days"), ALL("all", 0, "All time");

    private final String param;
    private final int days;
    private final String label;

    ChartRange(String param, int days, String label) {
        this.param = param;
        this.days = days;
        this.label = label;
    }

    public String param() {
        return param;
    }

    public int days() {
        return days;
    }

    public String label() {
        return label;
    }

    public static ChartRange of(String param) {
        if (param == null || param.isBlank()) {
            return MONTH;
        }
        for (ChartRange r : values()) {
            if (r.param.equalsIgnoreCase(param.strip())) {
                return r;
            }
        }
        throw new InvalidInputException("range", "Choose a range of 7, 30 or 90 days, or all.");
    }
}
