package app.village.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import app.village.guidance.library.GuideLibrary;
import app.village.guidance.matching.LibraryGuidance;
import app.village.understanding.Theme;

/** Searching the library the way parents type: questions, parts of words, a theme. */
class GuideSearchTest {

    private static final Guidance GUIDANCE = new LibraryGuidance(
            GuideLibrary.load(new PathMatchingResourcePatternResolver(), LocalDate.of(2026, 12, 2)));

    private static List<String> titles(String text, Theme theme) {
        return GUIDANCE.search(text, theme).stream().map(GuideSummary::title).toList();
    }

    @Test
    void aQuestionTypedAsASentenceFindsItsGuides() {
        assertThat(titles("How can I get the bond with my baby?", null).get(0)).containsIgnoringCase("bond");
        assertThat(titles("my toddler screams at goodbyes at nursery", null)).first()
                .isEqualTo("Separation upset and goodbye rituals");
        assertThat(titles("forgot my antidepressants", null)).first().isEqualTo("Missed doses of antidepressants");
    }

    @Test
    void wordsInTheTitleRankFirstAndPartsOfWordsMatch() {
        assertThat(titles("purple", null)).first().isEqualTo("The period of PURPLE crying");
        assertThat(titles("bond", null)).contains("Building a bond when you feel nothing", "When your partner struggles to bond");
    }

    @Test
    void aThemeNarrowsTheSearchAndNothingMatchesNonsense() {
        assertThat(GUIDANCE.search(null, Theme.FEEDING)).isNotEmpty().allSatisfy(g -> assertThat(g.themes()).contains(Theme.FEEDING));
        assertThat(GUIDANCE.search("crying", Theme.FEEDING)).isEmpty();
        assertThat(titles("zebra quantum", null)).isEmpty();
        assertThat(titles("the and of", null)).hasSize(GUIDANCE.all().size());
        assertThat(titles("   ", null)).hasSize(GUIDANCE.all().size());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"suicidal", "suicide", "crisis", "kill myself", "self harm",
            "self-harm", "suicidle", "sucidal", "I want to kill myself", "thinking of suicide tonight", "Suicidal thoughts after birth",
            "I might hurt my baby", "I want to end my life"})
    void crisisWordsAlwaysBringTheUrgentHelpGuideFirst(String words) {
        assertThat(GUIDANCE.asksForUrgentHelp(words)).as(words).isTrue();
        assertThat(titles(words, null)).as(words).first().isEqualTo("When to get urgent help");
        // Whatever theme the search is narrowed to.
        assertThat(titles(words, Theme.FEEDING)).as(words).first().isEqualTo("When to get urgent help");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"crying", "bond", "feeding", "sleep", "fill my bottle",
            "skills", "killer whale toy", "suit", "my husband", "crisps"})
    void everydayWordsAreNotACrisis(String words) {
        assertThat(GUIDANCE.asksForUrgentHelp(words)).as(words).isFalse();
    }

    @Test
    void commonSynonymsFindTheirGuides() {
        assertThat(titles("PPD", null)).contains("Postnatal depression and its treatment");
        assertThat(titles("postpartum depression", null).subList(0, 2)).contains("Postnatal depression and its treatment");
        assertThat(titles("colic", null)).contains("The period of PURPLE crying");
        assertThat(titles("isolated", null)).first().isEqualTo("Feeling alone with a baby");
        assertThat(titles("meds", null)).contains("Missed doses of antidepressants");
        assertThat(titles("sertraline", null)).contains("Missed doses of antidepressants");
    }

    @Test
    void smallMisspellingsStillFindTheirGuides() {
        assertThat(titles("antidepresants", null)).first().isEqualTo("Missed doses of antidepressants");
        assertThat(titles("brestfeeding", null)).contains("When feeding is hard");
        assertThat(titles("psycosis", null)).first().asString().containsIgnoringCase("psychosis");
        assertThat(titles("intrusve thoughts", null)).first().isEqualTo("Intrusive thoughts are common, and when they are not");
    }
}
