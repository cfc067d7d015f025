package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

class HybridAnalyzerTest {

    private static final Map<Theme, Double> VETOES = Map.of(Theme.ANGER_IRRITABILITY, 0.2, Theme.INFANT_CRYING, 0.1,
            Theme.SELF_HARM, 0.9, Theme.INTRUSIVE_THOUGHTS, 0.9);

    @Test
    void aFindingTheReadersRateUnderItsVetoIsDroppedAndTheRiskIsAssessedAgain() {
        // Anger with inconsolable crying is an infant-safety sign (high); without the anger it is crying alone (low).
        Insight heard = heard(Theme.ANGER_IRRITABILITY, Theme.INFANT_CRYING);
        assertThat(heard.riskLevel()).isEqualTo(RiskLevel.HIGH);

        Insight checked = HybridAnalyzer.check(heard, WriterRole.MOTHER, posts(Theme.ANGER_IRRITABILITY, 0.05, Theme.INFANT_CRYING, 0.6), VETOES, "test");

        assertThat(checked.themes()).extracting(ThemeFinding::theme).containsExactly(Theme.INFANT_CRYING);
        assertThat(checked.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(checked.analyserVersion()).isEqualTo("test");
    }

    @Test
    void aFindingAtItsVetoOrWithoutOneStands() {
        Insight heard = heard(Theme.ANGER_IRRITABILITY, Theme.INFANT_CRYING, Theme.FEEDING);

        Insight checked = HybridAnalyzer.check(heard, WriterRole.MOTHER, posts(Theme.ANGER_IRRITABILITY, 0.2, Theme.INFANT_CRYING, 0.5, Theme.FEEDING, 0.0),
                VETOES, "test");

        assertThat(checked.themes()).extracting(ThemeFinding::theme)
                .containsExactlyInAnyOrder(Theme.ANGER_IRRITABILITY, Theme.INFANT_CRYING, Theme.FEEDING);
        assertThat(checked.riskLevel()).isEqualTo(heard.riskLevel());
        assertThat(checked.riskReasons()).isEqualTo(heard.riskReasons());
    }

    @Test
    void anUrgentSignOrIntrusiveThoughtsAreNeverOverruledWhateverTheReadersSay() {
        Insight heard = heard(Theme.SELF_HARM, Theme.INTRUSIVE_THOUGHTS, Theme.ANGER_IRRITABILITY);

        Insight checked = HybridAnalyzer.check(heard, WriterRole.MOTHER,
                posts(Theme.SELF_HARM, 0.0, Theme.INTRUSIVE_THOUGHTS, 0.0, Theme.ANGER_IRRITABILITY, 0.0), VETOES, "test");

        assertThat(checked.themes()).extracting(ThemeFinding::theme).containsExactlyInAnyOrder(Theme.SELF_HARM, Theme.INTRUSIVE_THOUGHTS);
        assertThat(checked.riskLevel()).isEqualTo(RiskLevel.URGENT);
        assertThat(HybridAnalyzer.mayOverrule(Theme.SELF_HARM)).isFalse();
        assertThat(HybridAnalyzer.mayOverrule(Theme.HARM_TO_CHILD)).isFalse();
        assertThat(HybridAnalyzer.mayOverrule(Theme.PSYCHOSIS_SIGNS)).isFalse();
        assertThat(HybridAnalyzer.mayOverrule(Theme.INTRUSIVE_THOUGHTS)).isFalse();
        assertThat(HybridAnalyzer.mayOverrule(Theme.ANGER_IRRITABILITY)).isTrue();
    }

    @Test
    void withTheShippedReadersAShortCalmPostIsNotUrgent() {
        // The readers' post reader rates a text of a few words near the urgent posts' share of its training data:
        // they check the lexicon, they never raise a post on their own.
        HybridAnalyzer analyzer = new HybridAnalyzer(new RuleAnalyzer(), ReaderModel.shipped(), null);

        Insight insight = analyzer.analyze(TextToAnalyze.of("Up every two hours, so tired."));

        assertThat(insight.riskLevel()).isNotEqualTo(RiskLevel.URGENT);
        assertThat(insight.has(Theme.SELF_HARM)).isFalse();
        assertThat(insight.has(Theme.SLEEP_DEPRIVATION)).isTrue();
        assertThat(insight.analyserVersion()).isEqualTo(analyzer.version()).startsWith(RuleAnalyzer.VERSION + "+veto/");
    }

    @Test
    void theWritersRoleIsTheRoleReadersUnlessTheWriterGaveIt() {
        Insight heard = heard(Theme.FEEDING);

        assertThat(HybridAnalyzer.check(heard, WriterRole.FATHER, posts(Theme.FEEDING, 0.9), VETOES, "test").writerRole())
                .isEqualTo(WriterRole.FATHER);

        Insight given = new Insight(WriterRole.MOTHER, true, heard.subject(), null, null, heard.themes(), heard.riskLevel(),
                heard.riskReasons(), "rules");
        assertThat(HybridAnalyzer.check(given, WriterRole.FATHER, posts(Theme.FEEDING, 0.9), VETOES, "test").writerRole())
                .isEqualTo(WriterRole.MOTHER);
    }

    private static Insight heard(Theme... themes) {
        List<ThemeFinding> findings = new ArrayList<>();
        int at = 0;
        for (Theme theme : themes) {
            Person person = theme == Theme.INFANT_CRYING ? Person.CHILD : Person.WRITER;
            findings.add(new ThemeFinding(theme, person, 0.8, List.of(new Evidence("sentence " + at, at, at + 10, "text"))));
            at += 11;
        }
        RiskPolicy.Result risk = RiskPolicy.assess(findings, Map.of());
        return new Insight(WriterRole.MOTHER, false, RuleAnalyzer.subject(findings), null, null, List.copyOf(findings), risk.level(),
                risk.reasons(), "rules");
    }

    private static Map<Theme, Double> posts(Object... themeAndProbability) {
        Map<Theme, Double> posts = new EnumMap<>(Theme.class);
        for (int i = 0; i < themeAndProbability.length; i += 2) {
            posts.put((Theme) themeAndProbability[i], (Double) themeAndProbability[i + 1]);
        }
        return posts;
    }
}
