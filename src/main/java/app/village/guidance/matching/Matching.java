package app.village.guidance.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.village.guidance.Audience;
import app.village.guidance.Concern;
import app.village.guidance.GuideSummary;
import app.village.guidance.Situation;
import app.village.guidance.Suggestion;
import app.village.guidance.library.Guide;
import app.village.guidance.library.GuideLibrary;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * Scores every guide against a situation with a few fixed, explainable rules, and picks the best
 * few greedily so that they cover different concerns:
 * <ul>
 *   <li>a concern whose theme is the guide's main theme counts {@value #MAIN_THEME}, another of its themes
 *       {@value #OTHER_THEME};</li>
 *   <li>whose struggle it is: a guide for the person struggling counts fully for the writer's own
 *       concerns and half for their partner's; a guide for the supporting partner counts fully (plus
 *       {@value #SUPPORTER_BONUS}) for the partner's concerns and {@value #WRONG_AUDIENCE} for the writer's own;</li>
 *   <li>a guide written for particular parents (fathers, say) gains {@value #ROLE_BONUS} when the person
 *       struggling is one, and counts {@value #WRONG_ROLE} when they are known to be someone else;</li>
 *   <li>a guide outside the child's age range is never offered, nor one about another country's services (or any
 *       country's, when the country is unknown); one written for a narrower age range that fits gains {@value #AGE_BONUS};</li>
 *   <li>the concern the text shows most surely (the first) counts {@value #FIRST_CONCERN} times, the second once,
 *       later ones {@value #LATER_CONCERN}; a theme counts once per guide, for the concern it fits best;</li>
 *   <li>each concern already served by a chosen guide counts half as much for the next one.</li>
 * </ul>
 * High or urgent risk, or any concern of self-harm, harm to the child or psychosis, puts the guide on
 * urgent help first. Ties go to the guide whose file name sorts first, so the result is deterministic.
 */
public final class Matching {

    static final double MAIN_THEME = 6;
    static final double OTHER_THEME = 3;
    static final double SUPPORTER_BONUS = 3;
    static final double WRONG_AUDIENCE = 0.4;
    static final double ROLE_BONUS = 2;
    static final double WRONG_ROLE = 0.3;
    static final double AGE_BONUS = 1;
    static final double FIRST_CONCERN = 1.5;
    static final double LATER_CONCERN = 0.75;
    static final double MINIMUM = 2.5;
    static final Set<Theme> URGENT_THEMES = EnumSet.of(Theme.SELF_HARM, Theme.HARM_TO_CHILD, Theme.PSYCHOSIS_SIGNS);
    private static final int FULL_RANGE = 216;

    private final GuideLibrary library;

    public Matching(GuideLibrary library) {
        this.library = library;
    }

    public List<Suggestion> suggest(Situation situation, int limit) {
        Wording wording = new Wording(situation);
        List<Suggestion> chosen = new ArrayList<>();
        boolean urgent = isUrgent(situation);
        if (urgent) {
            chosen.add(new Suggestion(library.urgentHelp().summary(), wording.urgent(), Double.POSITIVE_INFINITY));
        }
        Map<Theme, Integer> covered = new EnumMap<>(Theme.class);
        List<Guide> candidates = new ArrayList<>(library.guides().stream()
                .filter(g -> !g.slug().equals(GuideLibrary.URGENT_HELP))
                .filter(g -> fitsAge(g.summary(), situation.childAgeMonths()))
                .filter(g -> fitsCountry(g.summary(), situation.country()))
                .sorted(Comparator.comparing(Guide::slug))
                .toList());
        // The guide on urgent help comes on top of the guides asked for, never instead of one of them.
        while (chosen.size() < limit + (urgent ? 1 : 0) && !candidates.isEmpty()) {
            Scored best = null;
            for (Guide guide : candidates) {
                Scored scored = score(guide, situation, covered);
                if (best == null || scored.total() > best.total()) {
                    best = scored;
                }
            }
            if (best.total() < MINIMUM) {
                break;
            }
            candidates.remove(best.guide());
            best.served().forEach(c -> covered.merge(c.theme(), 1, Integer::sum));
            chosen.add(new Suggestion(best.guide().summary(), wording.because(best.served()), round(best.total())));
        }
        return List.copyOf(chosen);
    }

    static boolean isUrgent(Situation situation) {
        return situation.risk().compareTo(RiskLevel.HIGH) >= 0
                || situation.concerns().stream().anyMatch(c -> URGENT_THEMES.contains(c.theme()));
    }

    private record Scored(Guide guide, double total, List<Concern> served) {
    }

    private record Part(Concern concern, double points) {
    }

    private static Scored score(Guide guide, Situation situation, Map<Theme, Integer> covered) {
        GuideSummary g = guide.summary();
        // Each theme counts once per guide, for the concern it fits best (the writer's or the partner's).
        Map<Theme, Part> best = new EnumMap<>(Theme.class);
        List<Concern> concerns = situation.concerns();
        for (int i = 0; i < concerns.size(); i++) {
            Concern concern = concerns.get(i);
            int index = g.themes().indexOf(concern.theme());
            if (index < 0) {
                continue;
            }
            double points = index == 0 ? MAIN_THEME : OTHER_THEME;
            points = audience(points, g.audience(), concern.person());
            points = role(points, guide.parents(), strugglerRoles(concern.person(), situation.writerRole()));
            points *= i == 0 ? FIRST_CONCERN : i == 1 ? 1 : LATER_CONCERN;
            points /= 1 + covered.getOrDefault(concern.theme(), 0);
            Part part = new Part(concern, points);
            best.merge(concern.theme(), part, (a, b) -> b.points() > a.points() ? b : a);
        }
        double total = best.values().stream().mapToDouble(Part::points).sum();
        if (total > 0 && situation.childAgeMonths() != null && g.maxAgeMonths() - g.minAgeMonths() < FULL_RANGE) {
            total += AGE_BONUS;
        }
        List<Concern> served = best.values().stream().sorted(Comparator.comparingDouble(Part::points).reversed())
                .map(Part::concern).toList();
        return new Scored(guide, total, served);
    }

    private static double audience(double points, Audience audience, Person person) {
        return switch (person) {
            case WRITER -> audience == Audience.SUPPORTING ? points * WRONG_AUDIENCE : points;
            case PARTNER -> switch (audience) {
                case SUPPORTING -> points + SUPPORTER_BONUS;
                case STRUGGLING -> points / 2;
                case EITHER -> points;
            };
            case CHILD, OTHER -> points;
        };
    }

    private static double role(double points, Set<WriterRole> parents, Set<WriterRole> strugglers) {
        if (parents.isEmpty() || strugglers.isEmpty()) {
            return points;
        }
        return strugglers.stream().anyMatch(parents::contains) ? points + ROLE_BONUS : points * WRONG_ROLE;
    }

    /** Who the struggling person may be: the writer's own role, or for a partner the roles a partner of theirs usually has. */
    static Set<WriterRole> strugglerRoles(Person person, WriterRole writer) {
        return switch (person) {
            case WRITER -> writer == WriterRole.UNKNOWN ? Set.of() : Set.of(writer);
            case PARTNER -> switch (writer) {
                case MOTHER -> Set.of(WriterRole.FATHER, WriterRole.PARTNER);
                case FATHER -> Set.of(WriterRole.MOTHER);
                default -> Set.of();
            };
            case CHILD, OTHER -> Set.of();
        };
    }

    /** A guide about one country's services is offered only where that country is known to be the parent's. */
    private static boolean fitsCountry(GuideSummary g, String country) {
        return g.countries().isEmpty() || (country != null && g.countries().contains(country));
    }

    private static boolean fitsAge(GuideSummary g, Integer age) {
        return age == null || (age >= g.minAgeMonths() && age <= g.maxAgeMonths());
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
