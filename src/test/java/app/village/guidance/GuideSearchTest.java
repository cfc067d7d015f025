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
}
