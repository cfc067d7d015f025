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
    public record Epds(@DefaultValue("11") int mothersPossible, @DefaultValue("13") int mothersProbable,
                       @DefaultValue("7") int fathersPossible, @DefaultValue("11") int fathersProbable) {

        public Epds {
            check("mothers", mothersPossible, mothersProbable);
            check("fathers", fathersPossible, fathersProbable);
        }

        private static void check(String group, int possible, int probable) {
            if (possible < 1 || probable > 30 || possible > probable) {
                throw new IllegalArgumentException("village.screening.epds: the " + group + "' cut-offs must satisfy "
                        + "1 <= possible <= probable <= 30 (got " + possible + " and " + probable + ")");
            }
        }

        public EpdsCutOffs mothers() {
            return new EpdsCutOffs(mothersPossible, source(mothersPossible, 11, "Levis et al. 2020, BMJ 371:m4022 [4]"),
                    mothersProbable, source(mothersProbable, 13, "Cox, Holden & Sagovsky 1987 [1]"));
        }

        public EpdsCutOffs fathers() {
            return new EpdsCutOffs(fathersPossible, source(fathersPossible, 7, "EPDS in fathers meta-analysis 2022, PMC9156997 [7]"),
                    fathersProbable, source(fathersProbable, 11, "Edmondson et al. 2010 [6]"));
        }

        private static String source(int value, int defaultValue, String source) {
            return value == defaultValue ? source : "set by this service's operator (default " + defaultValue + ": " + source + ")";
        }
    }
}
