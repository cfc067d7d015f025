package app.village.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import app.village.accounts.FamilyRole;
import app.village.guidance.Suggestion;
import app.village.guidance.library.GuideLibrary;
import app.village.guidance.matching.LibraryGuidance;
import app.village.screening.ScreeningFixtures;
import app.village.screening.core.AnswerOption;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.Question;
import app.village.screening.core.ScoringEngine;
import app.village.screening.domain.Instruments;

/** The reasons after each questionnaire come from the items actually endorsed, never from what it merely asks about. */
class GuidesAfterScreeningTest {

    private static final Instruments INSTRUMENTS = ScreeningFixtures.instruments();
    private static final GuidesAfterScreening GUIDES = new GuidesAfterScreening(new LibraryGuidance(
            GuideLibrary.load(new PathMatchingResourcePatternResolver(), LocalDate.of(2026, 12, 2))));
    private static final String URGENT = GuideLibrary.URGENT_HELP;

    /** Answers by score: every scored item {@code otherwise}, the numbered items as given. */
    private static Map<String, String> scored(Instrument instrument, int otherwise, Map<Integer, Integer> items) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : instrument.scoredQuestions()) {
            int score = items.getOrDefault(q.number(), otherwise);
            answers.put(q.linkId(), q.options().stream().filter(o -> o.score() == score).map(AnswerOption::code).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(q.linkId() + " has no option scoring " + score)));
        }
        return answers;
    }

    private static List<Suggestion> after(String instrument, int otherwise, Map<Integer, Integer> items) {
        Instrument i = INSTRUMENTS.get(instrument);
        return GUIDES.suggestFor(ScoringEngine.score(i, scored(i, otherwise, items), CutOffGroup.MOTHERS), FamilyRole.MOTHER);
    }

    private static List<String> reasons(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::reason).toList();
    }

    private static List<String> slugs(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.guide().slug()).toList();
    }

    @Test
    void pbqNeverToEveryHarmAndFearItemNeverReadsBackAsFearOfHarmingTheBaby() {
        // Harm (18, 24) and fear (19, 20) items "Never" (0); every other item scored 3 ("Quite often" of a problem).
        List<Suggestion> s = after("pbq", 3, Map.of(18, 0, 24, 0, 19, 0, 20, 0));
        assertThat(s).isNotEmpty();
        assertThat(reasons(s)).noneMatch(r -> r.contains("harming"));
        assertThat(slugs(s)).doesNotContain(URGENT);
        assertThat(reasons(s)).anyMatch(r -> r.contains("not feeling the closeness you hoped for"));
    }

    @Test
    void pbqAHarmItemEndorsedPutsUrgentHelpFirst() {
        List<Suggestion> s = after("pbq", 0, Map.of(24, 2));
        assertThat(slugs(s)).first().isEqualTo(URGENT);
        assertThat(reasons(s)).anyMatch(r -> r.contains("harming your baby") || r.contains("need a professional's attention"));
    }

    @Test
    void pbqNothingEndorsedClaimsNothing() {
        assertThat(after("pbq", 0, Map.of())).isEmpty();
    }

    @Test
    void phq9SelfHarmOnlyWhenItemNineIsEndorsed() {
        List<Suggestion> low = after("phq-9", 2, Map.of(9, 0));
        assertThat(slugs(low)).doesNotContain(URGENT);
        assertThat(reasons(low)).noneMatch(r -> r.contains("harming"));
        assertThat(reasons(low)).anyMatch(r -> r.contains("low mood") || r.contains("feeling low") || r.contains("depression"));

        List<Suggestion> item9 = after("phq-9", 0, Map.of(9, 1));
        assertThat(slugs(item9)).first().isEqualTo(URGENT);
        assertThat(after("phq-9", 0, Map.of())).isEmpty();
    }

    @Test
    void gad7WorryOnlyWhenWorryIsEndorsed() {
        assertThat(after("gad-7", 0, Map.of())).isEmpty();
        List<Suggestion> worried = after("gad-7", 2, Map.of());
        assertThat(reasons(worried)).anyMatch(r -> r.contains("worry"));
        assertThat(slugs(worried)).doesNotContain(URGENT);
    }

    @Test
    void epdsSelfHarmOnlyWhenItemTenIsEndorsed() {
        List<Suggestion> low = after("epds", 2, Map.of(10, 0));
        assertThat(slugs(low)).doesNotContain(URGENT);
        assertThat(reasons(low)).noneMatch(r -> r.contains("harming"));

        List<Suggestion> item10 = after("epds", 0, Map.of(10, 1));
        assertThat(slugs(item10)).first().isEqualTo(URGENT);
        assertThat(after("epds", 0, Map.of())).isEmpty();
    }
}
