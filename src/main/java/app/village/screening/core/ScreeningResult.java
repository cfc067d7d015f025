package app.village.screening.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scored questionnaire: what the published rules give for these answers, with the version of
 * the instrument and every cut-off used, so the result can be checked and trusted later.
 *
 * @param itemScores  the score of each answered item by linkId
 * @param unanswered  linkIds of scored items with no answer; a result with any is incomplete and not interpreted
 * @param cutOffGroup whose cut-offs were used where they differ
 * @param rulesSource where the scoring rules come from
 */
public record ScreeningResult(String instrument, String version, boolean complete, List<String> unanswered,
                              Map<String, Integer> itemScores, List<ScaleScore> scales, boolean urgent,
                              List<String> reasonCodes, CutOffGroup cutOffGroup, String rulesSource) {

    public ScreeningResult {
        unanswered = List.copyOf(unanswered);
        itemScores = Map.copyOf(itemScores);
        scales = List.copyOf(scales);
        reasonCodes = List.copyOf(reasonCodes);
    }

    public ScaleScore main() {
        return scales.getFirst();
    }

    public Optional<ScaleScore> scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
