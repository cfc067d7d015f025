package app.village.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.cell("she said \"no\"")).isEqualTo("\"she said \"\"no\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("-3")).isEqualTo("-3");
        assertThat(Csv.cell(null)).isEmpty();
        Csv csv = new Csv();
        csv.row(List.of("a", "b"));
        csv.row(List.of("1", ""));
        assertThat(csv.toString()).isEqualTo("a,b\r\n1,\r\n");
    }
}
