package app.village.screening.core;

import java.util.List;
import java.util.Optional;

/**
 * One total or subscale of a result.
 *
 * @param score    the sum, or {@code null} when an item of it is unanswered (no published prorating rule is used)
 * @param answered how many of its items were answered
 * @param band     the published severity band, or {@code null} (none published, or incomplete)
 */
public record ScaleScore(String code, String label, Integer score, int min, int max, int answered, int items,
                         List<CutOffResult> cutOffs, String band, String loinc, String snomed) {

    public ScaleScore {
        cutOffs = List.copyOf(cutOffs);
    }

    public boolean complete() {
        return score != null;
    }

    public Optional<CutOffResult> primaryCutOff() {
        return cutOffs.stream().filter(CutOffResult::primary).findFirst();
    }

    /** At or above the primary cut-off; false when incomplete or there is none. */
    public boolean atOrAbovePrimary() {
        return primaryCutOff().map(c -> Boolean.TRUE.equals(c.reached())).orElse(false);
    }
}
