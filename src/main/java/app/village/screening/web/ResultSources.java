package app.village.screening.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.village.screening.core.CutOffResult;
import app.village.screening.core.ScaleScore;
import app.village.screening.core.ScreeningResult;

/**
 * Where a result's rules and cut-offs come from, for the "Sources" section under it. The rules cite the numbered
 * sources of the clinical facts file ("Kroenke et al. 2001 [21]"), which a parent cannot look up: a marker never
 * reaches the page, the source it stands for is named instead. Results keep the sources they were scored with, so
 * older ones are read the same way.
 */
final class ResultSources {

    /** A citation marker: "[21]", "[22a]". */
    static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d+[a-z]?)\\]");

    /** The numbered sources the published rules cite (CLINICAL-FACTS.md, "Sources"). */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("1", "EPDS scoring notes (PsychNotes)"),
            Map.entry("3", "EPDS calculator notes (clincalc)"),
            Map.entry("4", "Levis et al. 2020, BMJ 371:m4022"),
            Map.entry("6", "Edmondson et al. 2010"),
            Map.entry("7", "EPDS in fathers, meta-analysis 2022 (PMC9156997)"),
            Map.entry("8", "EPDS-3A, BMC Psychology 2021"),
            Map.entry("9", "Perinatal Infant Research Institute, anxiety measures"),
            Map.entry("13", "CamCOPS Postpartum Bonding Questionnaire task"),
            Map.entry("15", "Brockington et al. 2006 (PubMed 16673041)"),
            Map.entry("21", "CamCOPS PHQ-9 and GAD-7 tasks"),
            Map.entry("22a", "LOINC PHQ-9 answer lists and score bands"),
            Map.entry("27", "ACOG, perinatal mental health screening"));

    private ResultSources() {
    }

    /** Every source of the result once, in the order met: the rules', then each cut-off's; no markers. */
    static List<String> of(ScreeningResult result) {
        Set<String> sources = new LinkedHashSet<>();
        add(result.rulesSource(), sources);
        for (ScaleScore scale : result.scales()) {
            for (CutOffResult cutOff : scale.cutOffs()) {
                add(cutOff.source(), sources);
            }
        }
        return List.copyOf(sources);
    }

    /** The text without its markers, then the sources its markers stand for. */
    private static void add(String source, Set<String> into) {
        if (source == null || source.isBlank()) {
            return;
        }
        String text = withoutMarkers(source);
        if (!text.isEmpty()) {
            into.add(text);
        }
        Matcher m = MARKER.matcher(source);
        while (m.find()) {
            String named = NAMED.get(m.group(1));
            if (named != null) {
                into.add(named);
            }
        }
    }

    static String withoutMarkers(String text) {
        return MARKER.matcher(text).replaceAll("").replaceAll("\\s*;\\s*(;|$)", "$1").replaceAll("\\s+", " ").strip();
    }
}
