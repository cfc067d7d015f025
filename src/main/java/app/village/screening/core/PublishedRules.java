package app.village.screening.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The published scoring rules, cut-offs and bands, each with its source (numbers in brackets
 * refer to the source list of {@code shared/CLINICAL-FACTS.md}). Cut-offs the facts mark
 * UNVERIFIED (the PBQ total ≥ 26, EPDS-3A ≥ 6) are deliberately absent.
 */
public final class PublishedRules {

    public static final String PHQ9 = "phq-9";
    public static final String GAD7 = "gad-7";
    public static final String PBQ = "pbq";
    public static final String EPDS = "epds";

    public static final String PHQ9_ITEM9 = "phq9-item9-above-zero";
    public static final String EPDS_ITEM10 = "epds-item10-above-zero";
    public static final String PBQ_SCALE4 = "pbq-scale4-at-cutoff";

    private PublishedRules() {
    }

    /** PHQ-9: nine items 0-3, total 0-27, five bands; ≥ 10 for major depression [21][22a]. */
    public static ScoringRules phq9() {
        List<Band> bands = List.of(new Band(0, 4, "none or minimal"), new Band(5, 9, "mild"), new Band(10, 14, "moderate"),
                new Band(15, 19, "moderately severe"), new Band(20, 27, "severe"));
        ScaleRule total = new ScaleRule("phq-9.total", "PHQ-9 total", range(1, 9), 0, 27,
                List.of(new CutOff("≥ 10", null, 10, "possible depression", "Kroenke et al. 2001; CamCOPS PHQ-9 [21]", true)),
                bands, "44261-6", null);
        return new ScoringRules(PHQ9, repeat(9, forward(4)), List.of(total),
                List.of(SafetyRule.itemAboveZero(PHQ9_ITEM9, 9)),
                "Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606-13); bands [22a]; item 9 any positive answer [27]");
    }

    /** GAD-7: seven items 0-3, total 0-21, bands at 5, 10, 15; ≥ 10 for further evaluation [21]. */
    public static ScoringRules gad7() {
        List<Band> bands = List.of(new Band(0, 4, "minimal"), new Band(5, 9, "mild"), new Band(10, 14, "moderate"),
                new Band(15, 21, "severe"));
        ScaleRule total = new ScaleRule("gad-7.total", "GAD-7 total", range(1, 7), 0, 21,
                List.of(new CutOff("≥ 10", null, 10, "possible anxiety disorder", "Spitzer et al. 2006; CamCOPS GAD-7 [21]", true)),
                bands, "70274-6", null);
        return new ScoringRules(GAD7, repeat(7, forward(4)), List.of(total), List.of(),
                "Spitzer, Kroenke, Williams & Löwe 2006 (Arch Intern Med 166:1092-7) [21]");
    }

    /** The positively worded PBQ items, scored Always = 0 ... Never = 5; all others Always = 5 ... Never = 0 [13]. */
    public static final Set<Integer> PBQ_POSITIVE = Set.of(1, 4, 8, 9, 11, 16, 22, 25);

    /** PBQ: 25 items 0-5, four scales with the 2006 cut-offs and the 2001 ones as alternatives [13][15]. */
    public static ScoringRules pbq() {
        String s2006 = "Brockington, Fraser & Wilson 2006 (Arch Womens Ment Health 9:233-42) [15]";
        String s2001 = "Brockington et al. 2001 (Arch Womens Ment Health 3:133-40) [13]";
        List<List<Integer>> scores = new ArrayList<>();
        for (int item = 1; item <= 25; item++) {
            scores.add(PBQ_POSITIVE.contains(item) ? forward(6) : reverse(6));
        }
        ScaleRule total = new ScaleRule("pbq.total", "PBQ total", range(1, 25), 0, 125, List.of(), List.of(), null, null);
        ScaleRule scale1 = new ScaleRule("pbq.scale-1", "Scale 1: impaired bonding",
                List.of(1, 2, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17), 0, 60,
                List.of(new CutOff("2006", null, 12, "possible impaired bonding", s2006, true),
                        new CutOff("2001", null, 12, "possible impaired bonding", s2001, false)),
                List.of(), null, null);
        ScaleRule scale2 = new ScaleRule("pbq.scale-2", "Scale 2: rejection and anger", List.of(3, 4, 5, 11, 14, 21, 23), 0, 35,
                List.of(new CutOff("2006", null, 13, "possible rejection or anger", s2006, true),
                        new CutOff("2001", null, 17, "possible rejection or anger", s2001, false)),
                List.of(), null, null);
        ScaleRule scale3 = new ScaleRule("pbq.scale-3", "Scale 3: anxiety about caring for the baby", List.of(19, 20, 22, 25), 0, 20,
                List.of(new CutOff("2006", null, 10, "possible infant-focused anxiety (weak in validation)", s2006, true),
                        new CutOff("2001", null, 10, "possible infant-focused anxiety", s2001, false)),
                List.of(), null, null);
        ScaleRule scale4 = new ScaleRule("pbq.scale-4", "Scale 4: risk of abuse", List.of(18, 24), 0, 10,
                List.of(new CutOff("2006", null, 2, "possible risk of abuse (low sensitivity)", s2006, true),
                        new CutOff("2001", null, 3, "possible risk of abuse", s2001, false)),
                List.of(), null, null);
        return new ScoringRules(PBQ, scores, List.of(total, scale1, scale2, scale3, scale4),
                // The 2006 cut-off is the lower, so the more sensitive: false reassurance is the worse error here.
                List.of(SafetyRule.scaleAtLeast(PBQ_SCALE4, "pbq.scale-4", 2)),
                s2001 + "; " + s2006 + "; scoring as CamCOPS pbq.py [13]");
    }

    /** The EPDS items that score 0 to 3 top to bottom; all others are reversed (3 to 0) [1][3]. */
    public static final Set<Integer> EPDS_FORWARD = Set.of(1, 2, 4);

    /**
     * EPDS: ten items 0-3, total 0-30 with the configured cut-offs for mothers and for fathers,
     * and the EPDS-3A anxiety subscale (items 3, 4, 5; ≥ 5 [8], ≥ 4 in Western Australian use [9]).
     */
    public static ScoringRules epds(EpdsCutOffs mothers, EpdsCutOffs fathers) {
        List<List<Integer>> scores = new ArrayList<>();
        for (int item = 1; item <= 10; item++) {
            scores.add(EPDS_FORWARD.contains(item) ? forward(4) : reverse(4));
        }
        ScaleRule total = new ScaleRule("epds.total", "EPDS total", range(1, 10), 0, 30, List.of(
                new CutOff("possible", CutOffGroup.MOTHERS, mothers.possible(), "possible depression", mothers.possibleSource(), true),
                new CutOff("probable", CutOffGroup.MOTHERS, mothers.probable(), "probable depression", mothers.probableSource(), false),
                new CutOff("possible", CutOffGroup.FATHERS, fathers.possible(), "possible depression", fathers.possibleSource(), true),
                new CutOff("probable", CutOffGroup.FATHERS, fathers.probable(), "probable depression", fathers.probableSource(), false)),
                List.of(), null, "450320001");
        ScaleRule anxiety = new ScaleRule("epds.anxiety-3a", "EPDS-3A anxiety (items 3, 4, 5)", List.of(3, 4, 5), 0, 9, List.of(
                new CutOff("≥ 5", null, 5, "possible anxiety", "EPDS-3A, BMC Psychology 2021, doi:10.1186/s40359-021-00623-5 [8]", true),
                new CutOff("≥ 4", null, 4, "possible anxiety (Western Australian use)", "PIRI anxiety measures [9]", false)),
                List.of(), null, null);
        return new ScoringRules(EPDS, scores, List.of(total, anxiety), List.of(SafetyRule.itemAboveZero(EPDS_ITEM10, 10)),
                "Cox, Holden & Sagovsky 1987 (Br J Psychiatry 150:782-6) [1][3]; item 10 [1][27]");
    }

    /**
     * The EPDS cut-offs for one group, each with where it comes from.
     */
    public record EpdsCutOffs(int possible, String possibleSource, int probable, String probableSource) {
    }

    private static List<Integer> forward(int options) {
        return IntStream.range(0, options).boxed().toList();
    }

    private static List<Integer> reverse(int options) {
        return IntStream.range(0, options).map(i -> options - 1 - i).boxed().toList();
    }

    private static List<List<Integer>> repeat(int items, List<Integer> scores) {
        return IntStream.range(0, items).mapToObj(i -> scores).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
