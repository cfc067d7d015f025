package app.village.understanding;

import java.util.List;

/**
 * What the analyser heard in a text. Deterministic: the same input gives the same insight.
 *
 * @param childAgeMonths null when the text does not say and none was given
 * @param childAgeEvidence the phrase that shows the age, or null when it was given or unknown
 */
public record Insight(WriterRole writerRole, boolean writerRoleGiven, Subject subject, Integer childAgeMonths,
                      Evidence childAgeEvidence, List<ThemeFinding> themes, RiskLevel riskLevel, List<RiskReason> riskReasons,
                      String analyserVersion) {

    public boolean has(Theme theme) {
        return themes.stream().anyMatch(t -> t.theme() == theme);
    }
}
