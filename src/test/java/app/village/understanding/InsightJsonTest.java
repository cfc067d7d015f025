package app.village.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.village.understanding.core.RuleAnalyzer;

/** The stored JSON of a reading turns back into the same insight, so modules reading it (guidance) see what was heard. */
class InsightJsonTest {

    @Test
    void anInsightSurvivesTheJsonShape() {
        Analyzer analyzer = new RuleAnalyzer();
        for (String text : List.of(
                "My husband hasn't bonded with our 5 month old son. The baby screams whenever my husband holds him.",
                "I have thought about ending my life since the baby came.",
                "",
                "Since she turned 18 months she screams at every goodbye and I cry on the way to work.")) {
            Insight insight = analyzer.analyze(new TextToAnalyze(text, "A title", WriterRole.MOTHER, null));
            assertThat(InsightJson.of("id", insight).toInsight()).isEqualTo(insight);
        }
    }
}
