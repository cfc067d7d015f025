package app.village.understanding.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.village.understanding.Insight;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import tools.jackson.databind.JsonNode;

/**
 * Compares insights with labels in the development-set format and computes the figures the
 * targets are stated in: per-theme precision, recall and F1, macro-F1, the risk confusion matrix,
 * urgent recall and precision, risk exact and within one level, child age within one month,
 * subject and writer role accuracy.
 */
public final class Evaluation {

    /** Counts for one theme. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** A text whose risk level differs from its label, for looking at. */
    public record Miss(String id, String expected, String actual, String detail) {
    }

    private final Map<Theme, int[]> themeCounts = new LinkedHashMap<>();
    private final int[][] confusion = new int[5][5];
    private int texts;
    private int agesStated;
    private int agesWithinOne;
    private int subjectsRight;
    private int rolesRight;
    private int personsRight;
    private int personsJudged;
    private final List<Miss> riskMisses = new ArrayList<>();
    private final List<Miss> themeMisses = new ArrayList<>();

    public Evaluation() {
        for (Theme theme : Theme.values()) {
            themeCounts.put(theme, new int[3]);
        }
    }

    public void add(String id, Insight insight, JsonNode expected) {
        texts++;
        Set<Theme> gold = new TreeSet<>();
        Map<Theme, Set<String>> goldPersons = new LinkedHashMap<>();
        for (JsonNode t : expected.path("themes")) {
            Theme theme = Theme.ofCode(t.path("code").asString());
            gold.add(theme);
            goldPersons.computeIfAbsent(theme, k -> new TreeSet<>()).add(t.path("person").asString());
        }
        Set<Theme> predicted = new TreeSet<>();
        Map<Theme, Set<String>> predictedPersons = new LinkedHashMap<>();
        for (ThemeFinding f : insight.themes()) {
            predicted.add(f.theme());
            predictedPersons.computeIfAbsent(f.theme(), k -> new TreeSet<>()).add(f.person().code());
        }
        for (Theme theme : Theme.values()) {
            boolean g = gold.contains(theme);
            boolean p = predicted.contains(theme);
            int[] c = themeCounts.get(theme);
            if (g && p) {
                c[0]++;
                personsJudged++;
                if (goldPersons.get(theme).equals(predictedPersons.get(theme))) {
                    personsRight++;
                }
            } else if (p) {
                c[1]++;
                themeMisses.add(new Miss(id, "-", theme.code(), "false positive"));
            } else if (g) {
                c[2]++;
                themeMisses.add(new Miss(id, theme.code(), "-", "missed"));
            }
        }
        RiskLevel goldLevel = RiskLevel.ofCode(expected.path("risk").path("level").asString("none"));
        confusion[goldLevel.ordinal()][insight.riskLevel().ordinal()]++;
        if (goldLevel != insight.riskLevel()) {
            riskMisses.add(new Miss(id, goldLevel.code(), insight.riskLevel().code(),
                    "gold " + gold + " heard " + predicted));
        }
        JsonNode age = expected.path("child").path("ageMonths");
        if (age.isNumber()) {
            agesStated++;
            if (insight.childAgeMonths() != null && Math.abs(insight.childAgeMonths() - age.asInt()) <= 1) {
                agesWithinOne++;
            }
        }
        if (expected.path("subject").asString("").equals(insight.subject().code())) {
            subjectsRight++;
        }
        if (expected.path("writer").path("role").asString("").equals(insight.writerRole().code())) {
            rolesRight++;
        }
    }

    public int texts() {
        return texts;
    }

    /** The headline figures on one line: what the model card gives for mothers, fathers and partners separately. */
    public String summary() {
        return String.format("texts %d  macro-F1 %.3f  urgent recall %.3f  urgent precision %.3f  none/low raised to high/urgent %.3f"
                        + "  risk within one %.3f  role %.3f", texts, macroF1(), urgentRecall(), urgentPrecision(), overRaised(),
                riskWithinOne(), roleAccuracy());
    }

    /** One evaluation per annotated writer role, for the figures by role. */
    public static final class ByRole {
        private final Map<String, Evaluation> byRole = new java.util.TreeMap<>();

        public void add(String id, Insight insight, JsonNode expected) {
            byRole.computeIfAbsent(expected.path("writer").path("role").asString("unknown"), r -> new Evaluation()).add(id, insight, expected);
        }

        public String report() {
            StringBuilder out = new StringBuilder("\nby the writer's annotated role:\n");
            byRole.forEach((role, e) -> out.append(String.format("  %-8s %s%n", role, e.summary())));
            return out.toString();
        }
    }

    public Counts counts(Theme theme) {
        int[] c = themeCounts.get(theme);
        return new Counts(c[0], c[1], c[2]);
    }

    /** Mean F1 over the themes that occur in the labels or the output. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (Theme theme : Theme.values()) {
            Counts c = counts(theme);
            if (c.truePositives() + c.falsePositives() + c.falseNegatives() > 0) {
                sum += c.f1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Of the texts labelled none or low, the share analysed as high or urgent: false alarms a moderator would see. */
    public double overRaised() {
        int calm = 0;
        int raised = 0;
        for (int g = 0; g <= 1; g++) {
            for (int a = 0; a < 5; a++) {
                calm += confusion[g][a];
                if (a >= 3) {
                    raised += confusion[g][a];
                }
            }
        }
        return calm == 0 ? 0 : (double) raised / calm;
    }

    public double riskExact() {
        int right = 0;
        for (int i = 0; i < 5; i++) {
            right += confusion[i][i];
        }
        return texts == 0 ? 0 : (double) right / texts;
    }

    public double riskWithinOne() {
        int right = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (Math.abs(i - j) <= 1) {
                    right += confusion[i][j];
                }
            }
        }
        return texts == 0 ? 0 : (double) right / texts;
    }

    public double urgentRecall() {
        int u = RiskLevel.URGENT.ordinal();
        int gold = 0;
        for (int j = 0; j < 5; j++) {
            gold += confusion[u][j];
        }
        return gold == 0 ? 1 : (double) confusion[u][u] / gold;
    }

    public double urgentPrecision() {
        int u = RiskLevel.URGENT.ordinal();
        int predicted = 0;
        for (int i = 0; i < 5; i++) {
            predicted += confusion[i][u];
        }
        return predicted == 0 ? 1 : (double) confusion[u][u] / predicted;
    }

    public double ageWithinOne() {
        return agesStated == 0 ? 1 : (double) agesWithinOne / agesStated;
    }

    public double subjectAccuracy() {
        return texts == 0 ? 0 : (double) subjectsRight / texts;
    }

    public double roleAccuracy() {
        return texts == 0 ? 0 : (double) rolesRight / texts;
    }

    public List<Miss> riskMisses() {
        return List.copyOf(riskMisses);
    }

    public List<Miss> themeMisses() {
        return List.copyOf(themeMisses);
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("texts: %d%n%n", texts));
        out.append(String.format("%-22s %6s %6s %6s %5s %5s %5s%n", "theme", "prec", "recall", "F1", "tp", "fp", "fn"));
        for (Theme theme : Theme.values()) {
            Counts c = counts(theme);
            if (c.truePositives() + c.falsePositives() + c.falseNegatives() == 0) {
                continue;
            }
            out.append(String.format("%-22s %6.2f %6.2f %6.2f %5d %5d %5d%n", theme.code(), c.precision(), c.recall(), c.f1(),
                    c.truePositives(), c.falsePositives(), c.falseNegatives()));
        }
        out.append(String.format("%nmacro-F1 over themes: %.3f%n", macroF1()));
        out.append(String.format("person right where theme found: %.3f (%d of %d)%n%n", personsJudged == 0 ? 0 : (double) personsRight / personsJudged,
                personsRight, personsJudged));
        out.append("risk confusion (rows: labelled, columns: analysed)\n");
        out.append(String.format("%-10s", ""));
        for (RiskLevel l : RiskLevel.values()) {
            out.append(String.format("%9s", l.code()));
        }
        out.append('\n');
        for (RiskLevel row : RiskLevel.values()) {
            out.append(String.format("%-10s", row.code()));
            for (RiskLevel col : RiskLevel.values()) {
                out.append(String.format("%9d", confusion[row.ordinal()][col.ordinal()]));
            }
            out.append('\n');
        }
        out.append(String.format("%nrisk exact: %.3f   within one level: %.3f%n", riskExact(), riskWithinOne()));
        out.append(String.format("urgent recall: %.3f   urgent precision: %.3f%n", urgentRecall(), urgentPrecision()));
        out.append(String.format("labelled none or low, analysed high or urgent: %.3f%n", overRaised()));
        out.append(String.format("child age within one month: %.3f (%d of %d stated)%n", ageWithinOne(), agesWithinOne, agesStated));
        out.append(String.format("subject accuracy: %.3f   writer role accuracy: %.3f%n", subjectAccuracy(), roleAccuracy()));
        return out.toString();
    }
}
