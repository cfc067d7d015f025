package app.village.screening.core;

import java.util.List;
import java.util.Optional;

/**
 * The published scoring of one instrument: the score of each option of each item (in the
 * published order), its totals and subscales with their cut-offs and bands, and its safety items.
 * The Questionnaire files carry the same scores as {@code ordinalValue}s; loading checks that the
 * two agree, so neither can drift.
 */
public record ScoringRules(String instrument, List<List<Integer>> optionScores, List<ScaleRule> scales,
                           List<SafetyRule> safety, String source) {

    public ScoringRules {
        optionScores = optionScores.stream().map(List::copyOf).toList();
        scales = List.copyOf(scales);
        safety = List.copyOf(safety);
    }

    public int itemCount() {
        return optionScores.size();
    }

    /** Whether the item's options score from high to low in the published order. */
    public boolean reversed(int item) {
        List<Integer> scores = optionScores.get(item - 1);
        return scores.getFirst() > scores.getLast();
    }

    public Optional<ScaleRule> scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The first scale is the one shown first and charted over time. */
    public ScaleRule main() {
        return scales.getFirst();
    }
}
