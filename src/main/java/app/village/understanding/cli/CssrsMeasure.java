package app.village.understanding.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.village.understanding.Analyzer;
import app.village.understanding.RiskLevel;
import app.village.understanding.TextToAnalyze;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./village eval --cssrs FILE}: measures (never tunes) the urgent level against the public
 * C-SSRS corpus (Gaur et al. 2019, CC BY 4.0): each user's posts are joined as one text; it prints
 * the share of users labelled Ideation, Behavior or Attempt that get {@code urgent}, and the share
 * labelled Supportive that do not.
 */
final class CssrsMeasure {

    private CssrsMeasure() {
    }

    static int run(List<String> files, Analyzer analyzer, PrintStream out, PrintStream err) {
        if (files.isEmpty()) {
            err.println("Give the path of cssrs-reddit-500.jsonl");
            return 2;
        }
        JsonMapper json = JsonMapper.builder().build();
        Map<String, int[]> byLabel = new TreeMap<>();
        for (String file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file));
            } catch (IOException e) {
                err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                return 1;
            }
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                StringBuilder text = new StringBuilder();
                node.path("posts").forEach(p -> text.append(p.asString()).append("\n\n"));
                String label = node.path("label").asString("unknown");
                boolean urgent = analyzer.analyze(TextToAnalyze.of(text.toString())).riskLevel() == RiskLevel.URGENT;
                int[] counts = byLabel.computeIfAbsent(label, k -> new int[2]);
                counts[0]++;
                if (urgent) {
                    counts[1]++;
                }
            }
        }
        out.println("C-SSRS users (Gaur et al. 2019, CC BY 4.0), each user's posts joined as one text:");
        byLabel.forEach((label, c) -> out.printf("  %-11s %4d users, %4d urgent (%.3f)%n", label, c[0], c[1], (double) c[1] / c[0]));
        int atRisk = 0;
        int atRiskUrgent = 0;
        for (String label : List.of("Ideation", "Behavior", "Attempt")) {
            int[] c = byLabel.getOrDefault(label, new int[2]);
            atRisk += c[0];
            atRiskUrgent += c[1];
        }
        int[] supportive = byLabel.getOrDefault("Supportive", new int[2]);
        out.printf("Ideation, Behavior or Attempt that get urgent: %.3f (%d of %d)%n", atRisk == 0 ? 0 : (double) atRiskUrgent / atRisk,
                atRiskUrgent, atRisk);
        out.printf("Supportive that do not get urgent: %.3f (%d of %d)%n",
                supportive[0] == 0 ? 0 : 1 - (double) supportive[1] / supportive[0], supportive[0] - supportive[1], supportive[0]);
        return 0;
    }
}
