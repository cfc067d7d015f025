package app.village.journal.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the charts page shows for one range: the charts, the same numbers as a table, and a
 * summary in words. {@code weekly} when a long span is drawn as weekly averages.
 */
public record ChartPage(ChartRange range, LocalDate from, LocalDate to, boolean weekly, int checkIns, int missedDays,
                        List<Chart> charts, List<String> columns, List<Row> rows, String summary) {

    public record Row(String when, List<String> cells, boolean missed) {
    }

    public boolean empty() {
        return checkIns == 0;
    }
}
