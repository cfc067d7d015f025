package app.village.guidance;

import java.util.Comparator;
import java.util.List;

import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.ThemeFinding;

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
}
