package app.village.journal.domain;

import java.util.ArrayList;
import java.util.List;

import app.village.understanding.InsightJson;
import app.village.understanding.RiskLevel;

/**
 * What Village heard in a journal entry, in the plain words the understanding module attaches
 * to each theme, for its writer alone. Never a diagnosis.
 *
 * @param lines      one line per theme heard, whose it is included ("for your partner")
 * @param urgent     whether the reading is urgent: the page then shows the crisis panel at once
 * @param riskLevel  the taxonomy's risk code
 * @param reasonCodes the codes behind the risk level, without evidence
 */
public record Heard(List<String> lines, boolean urgent, String riskLevel, List<String> reasonCodes, InsightJson insight) {

    public static final String NOT_A_DIAGNOSIS = "This was read automatically so Village can suggest help that fits. "
            + "It is not a diagnosis, and only you can see it.";

    static Heard of(InsightJson insight) {
        List<String> lines = new ArrayList<>();
        for (InsightJson.ThemeJson theme : insight.themes()) {
            String words = theme.plainWords();
            if (words == null || words.isBlank()) {
                continue;
            }
            String about = switch (theme.person()) {
                case "partner" -> ", for your partner";
                case "child" -> ", for your little one";
                case "other" -> ", for someone close to you";
                default -> "";
            };
            lines.add(Character.toUpperCase(words.charAt(0)) + words.substring(1) + about);
        }
        String level = insight.risk().level();
        return new Heard(List.copyOf(lines), RiskLevel.URGENT.code().equals(level), level,
                insight.risk().reasons().stream().map(InsightJson.ReasonJson::code).distinct().toList(), insight);
    }
}
