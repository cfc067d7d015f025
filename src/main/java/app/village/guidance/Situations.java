package app.village.guidance;

import java.util.Comparator;
import java.util.List;

import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

/** Builds situations from what the understanding of a post heard. */
public final class Situations {

    private Situations() {
    }

    /** The situation a post shows: its themes (surest first) with their sentences, the child's age, the writer and the risk. */
    public static Situation of(Insight insight) {
        return of(insight, null);
    }

    /** The same, where the parent's country is known (an ISO 3166 code, or null). */
    public static Situation of(Insight insight, String country) {
        List<Concern> concerns = insight.themes().stream()
                .sorted(Comparator.comparingDouble(ThemeFinding::confidence).reversed())
                .map(t -> new Concern(t.theme(), t.person(), t.evidence().stream().map(Evidence::text).toList()))
                .toList();
        return new Situation(concerns, insight.childAgeMonths(), insight.writerRole(), insight.riskLevel(), country,
                Situation.Origin.POST);
    }

    /**
     * The situation a questionnaire result shows, for the parent who answered it: for example
     * {@code perinatal_depression} for an EPDS or PHQ-9 above its cut-off, {@code anxiety} for GAD-7 or the
     * EPDS anxiety items, {@code bonding_difficulty} (and {@code regret_or_rejection} for the rejection scale)
     * for the PBQ, {@code self_harm} for any answer about harming oneself, with the risk the result carries.
     */
    public static Situation fromScreening(List<Theme> themes, WriterRole role, Integer childAgeMonths, RiskLevel risk,
                                          String country) {
        return new Situation(themes.stream().map(t -> Concern.of(t, Person.WRITER)).toList(), childAgeMonths, role, risk,
                country, Situation.Origin.SCREENING);
    }
}
