package app.village.screening.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.village.screening.core.PublishedRules.EpdsCutOffs;

/**
 * Screening configuration ({@code village.screening.*}).
 *
 * @param epdsWording a JSON file with the EPDS item wording, supplied by an operator who holds the
 *                    Royal College of Psychiatrists' permission ({@code VILLAGE_EPDS_WORDING});
 *                    empty: the EPDS is not offered
 * @param epds        the EPDS cut-offs (total at or above)
 */
@ConfigurationProperties("village.screening")
public record ScreeningProperties(@DefaultValue("") String epdsWording, @DefaultValue Epds epds) {

    /**
     * EPDS cut-offs with sourced defaults (numbers refer to CLINICAL-FACTS.md):
     * mothers ≥ 11 possible (Levis 2020, best balance of sensitivity and specificity [4]) and
     * ≥ 13 probable (Cox 1987, the original instructions [1]); fathers ≥ 7 possible (the sensitive
     * end of the 7-10 range that the 2022 meta-analysis found acceptable [7]; fathers score lower
     * than mothers [5]) and ≥ 11 probable (Edmondson 2010, &gt; 10 optimal for depression [6]).
     */
    public record Epds(@DefaultValue Mothers mothers, @DefaultValue Fathers fathers) {

        public EpdsCutOffs mothersCutOffs() {
            return new EpdsCutOffs(mothers.possible(), source(mothers.possible(), 11, "Levis et al. 2020, BMJ 371:m4022 [4]"),
                    mothers.probable(), source(mothers.probable(), 13, "Cox, Holden & Sagovsky 1987 [1]"));
        }

        public EpdsCutOffs fathersCutOffs() {
            return new EpdsCutOffs(fathers.possible(), source(fathers.possible(), 7, "EPDS in fathers meta-analysis 2022, PMC9156997 [7]"),
                    fathers.probable(), source(fathers.probable(), 11, "Edmondson et al. 2010 [6]"));
        }

        private static String source(int value, int defaultValue, String source) {
            return value == defaultValue ? source : "set by this service's operator (default " + defaultValue + ": " + source + ")";
        }
    }

    /** {@code village.screening.epds.mothers.possible} / {@code .probable}. */
    public record Mothers(@DefaultValue("11") int possible, @DefaultValue("13") int probable) {
        public Mothers {
            check("mothers", possible, probable);
        }
    }

    /** {@code village.screening.epds.fathers.possible} / {@code .probable}; also used for partners and other carers. */
    public record Fathers(@DefaultValue("7") int possible, @DefaultValue("11") int probable) {
        public Fathers {
            check("fathers", possible, probable);
        }
    }

    private static void check(String group, int possible, int probable) {
        if (possible < 1 || probable > 30 || possible > probable) {
            throw new IllegalArgumentException("village.screening.epds." + group + ": the cut-offs must satisfy "
                    + "1 <= possible <= probable <= 30 (got " + possible + " and " + probable + ")");
        }
    }
}
