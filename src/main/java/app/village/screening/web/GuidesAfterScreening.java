package app.village.screening.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.village.accounts.FamilyRole;
import app.village.guidance.Guidance;
import app.village.guidance.Situations;
import app.village.guidance.Suggestion;
import app.village.screening.core.ScaleScore;
import app.village.screening.core.ScreeningResult;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * What might help after a questionnaire: the themes the instrument asks about, the ones whose
 * cut-off was reached first, and the risk its result implies (urgent after a self-harm or
 * harm answer, moderate when a cut-off was reached). The guides are worth reading below a
 * cut-off too, so a result that reaches none still gets the instrument's own topics.
 */
@Component
class GuidesAfterScreening {

    private final Guidance guidance;

    GuidesAfterScreening(Guidance guidance) {
        this.guidance = guidance;
    }

    List<Suggestion> suggestFor(ScreeningResult result, FamilyRole role) {
        Set<Theme> reached = new LinkedHashSet<>();
        Set<Theme> topics = new LinkedHashSet<>();
        for (ScaleScore scale : result.scales()) {
            List<Theme> themes = themesOf(scale.code());
            topics.addAll(themes);
            if (scale.atOrAbovePrimary()) {
                reached.addAll(themes);
            }
        }
        List<Theme> themes = new ArrayList<>(reached);
        topics.stream().filter(t -> !reached.contains(t)).forEach(themes::add);
        if (themes.isEmpty()) {
            return List.of();
        }
        RiskLevel risk = result.urgent() ? RiskLevel.URGENT : reached.isEmpty() ? RiskLevel.LOW : RiskLevel.MODERATE;
        WriterRole writer = role == null ? WriterRole.UNKNOWN : WriterRole.ofCode(role.name());
        return guidance.suggestFor(Situations.fromScreening(themes, writer, null, risk, null));
    }

    /** The themes of TAXONOMY.md each score is about. */
    static List<Theme> themesOf(String scaleCode) {
        return switch (scaleCode) {
            case "phq-9.total", "epds.total" -> List.of(Theme.PERINATAL_DEPRESSION);
            case "gad-7.total", "epds.anxiety-3a", "pbq.scale-3" -> List.of(Theme.ANXIETY);
            case "pbq.scale-1" -> List.of(Theme.BONDING_DIFFICULTY);
            case "pbq.scale-2" -> List.of(Theme.REGRET_OR_REJECTION, Theme.ANGER_IRRITABILITY);
            case "pbq.scale-4" -> List.of(Theme.HARM_TO_CHILD);
            default -> List.of();
        };
    }
}
