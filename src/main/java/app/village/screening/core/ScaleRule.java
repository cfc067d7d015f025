package app.village.screening.core;

import java.util.List;

/**
 * A total or subscale: the sum of the scores of its items.
 *
 * @param code   Village's code for it ({@code phq-9.total}, {@code pbq.scale-2}...)
 * @param loinc  the LOINC code of this score where it is confirmed, else {@code null}
 * @param snomed the SNOMED CT code of this score where one is published, else {@code null}
 */
public record ScaleRule(String code, String label, List<Integer> items, int min, int max, List<CutOff> cutOffs,
                        List<Band> bands, String loinc, String snomed) {

    public ScaleRule {
        items = List.copyOf(items);
        cutOffs = List.copyOf(cutOffs);
        bands = List.copyOf(bands);
    }

    public List<CutOff> cutOffsFor(CutOffGroup group) {
        return cutOffs.stream().filter(c -> c.appliesTo(group)).toList();
    }
}
