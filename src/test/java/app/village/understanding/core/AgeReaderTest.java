package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.village.understanding.Insight;
import app.village.understanding.TextToAnalyze;

class AgeReaderTest {

    private static final RuleAnalyzer ANALYZER = new RuleAnalyzer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "My 5 month old won't nap | 5",
            "she's 18mo and into everything | 18",
            "our son is a year and a half | 18",
            "since he turned one he clings to me | 12",
            "Baby is 10 weeks today | 2",
            "our newborn barely sleeps | 0",
            "he's almost 2 and | 24",
            "she turns one next week | 11",
            "my 2.5 year old hits | 30",
            "3 and a half year old tantrums | 42",
            "I'm 30 weeks pregnant and scared | null",
            "I'm 32 and exhausted | null",
            "back at work 3 weeks and I hate it | null",
            "he cried for 3 hours | null",
            "I'm 5 months pp with ppd | 5",
            "our daughter arrived 11 weeks ago | 2",
            "18 months and still no bond | 18",
            "nothing to see here and nothing else | null"})
    void readsAgesAsParentsWriteThem(String text, Integer months) {
        Insight insight = ANALYZER.analyze(TextToAnalyze.of(text));
        assertThat(insight.childAgeMonths()).isEqualTo(months);
        if (months != null) {
            assertThat(text.substring(insight.childAgeEvidence().start(), insight.childAgeEvidence().end()))
                    .isEqualTo(insight.childAgeEvidence().text());
        }
    }
}
