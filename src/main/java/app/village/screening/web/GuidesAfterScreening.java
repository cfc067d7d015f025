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
import app.village.screening.core.PublishedRules;
import app.village.screening.core.ScaleScore;
import app.village.screening.core.ScreeningResult;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * What might help after a questionnaire, from the answers actually given: a scale's themes count only when
 * one of its items was endorsed (scored above zero), those whose cut-off was reached first, and self-harm only
 * when the self-harm item was endorsed. Answering "Never" to every item about harming the baby must never
 * read back as "your answers touched on being afraid of harming your baby", nor put urgent help first. The
 * risk is urgent after a safety answer, moderate when a cut-off was reached, low otherwise.
 */
@Component
class GuidesAfterScreening {

    /** The safety answers that are about the parent harming themselves (the PBQ's is about the baby: scale 4). */
    private static final Set<String> SELF_HARM_ANSWERS = Set.of(PublishedRules.PHQ9_ITEM9, PublishedRules.EPDS_ITEM10);

    private final Guidance guidance;

    GuidesAfterScreening(Guidance guidance) {
        this.guidance = guidance;
    }

    List<Suggestion> suggestFor(ScreeningResult result, FamilyRole role) {
        List<Theme> themes = themesOf(result);
        if (themes.isEmpty()) {
            return List.of();
        }
        boolean reached = result.scales().stream().anyMatch(ScaleScore::atOrAbovePrimary);
        RiskLevel risk = result.urgent() ? RiskLevel.URGENT : reached ? RiskLevel.MODERATE : RiskLevel.LOW;
        WriterRole writer = role == null ? WriterRole.UNKNOWN : WriterRole.ofCode(role.name());
        return guidance.suggestFor(Situations.fromScreening(themes, writer, null, risk, null));
    }

    /** The themes the answers endorse: a safety answer's first, then those of scales at their cut-off, then the rest. */
    static List<Theme> themesOf(ScreeningResult result) {
        Set<Theme> themes = new LinkedHashSet<>();
        if (result.reasonCodes().stream().anyMatch(SELF_HARM_ANSWERS::contains)) {
            themes.add(Theme.SELF_HARM);
        }
        result.scales().stream().filter(ScaleScore::atOrAbovePrimary).forEach(scale -> themes.addAll(themesOf(scale.code())));
        result.scales().stream().filter(GuidesAfterScreening::endorsed).forEach(scale -> themes.addAll(themesOf(scale.code())));
        return new ArrayList<>(themes);
    }

    private static boolean endorsed(ScaleScore scale) {
        return scale.score() != null && scale.score() > 0;
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
