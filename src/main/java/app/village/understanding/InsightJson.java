package app.village.understanding;

import java.util.List;

/**
 * The JSON shape of an insight, shared by the command line and the API:
 * {@code {"id", "writer": {"role"}, "subject", "child": {"ageMonths", "evidence"}, "themes": [...], "risk": {...}}}.
 */
public record InsightJson(String id, Writer writer, String subject, Child child, List<ThemeJson> themes, Risk risk,
                          String analyser) {

    public record Writer(String role, boolean given) {
    }

    public record Child(Integer ageMonths, EvidenceJson evidence) {
    }

    public record EvidenceJson(String text, int start, int end, String field) {
        static EvidenceJson of(Evidence e) {
            return e == null ? null : new EvidenceJson(e.text(), e.start(), e.end(), e.field());
        }
    }

    public record ThemeJson(String code, String person, double confidence, String plainWords, List<EvidenceJson> evidence) {
    }

    public record ReasonJson(String code, String person, EvidenceJson evidence) {
    }

    public record Risk(String level, List<ReasonJson> reasons) {
    }

    /** The insight this JSON was made from: the inverse of {@link #of}. */
    public Insight toInsight() {
        return new Insight(WriterRole.ofCode(writer.role()), writer.given(), Subject.ofCode(subject),
                child.ageMonths(), evidence(child.evidence()),
                themes.stream().map(t -> new ThemeFinding(Theme.ofCode(t.code()), Person.ofCode(t.person()), t.confidence(),
                        t.evidence().stream().map(InsightJson::evidence).toList())).toList(),
                RiskLevel.ofCode(risk.level()),
                risk.reasons().stream().map(r -> new RiskReason(r.code(), Person.ofCode(r.person()), evidence(r.evidence()))).toList(),
                analyser);
    }

    private static Evidence evidence(EvidenceJson e) {
        return e == null ? null : new Evidence(e.text(), e.start(), e.end(), e.field());
    }

    public static InsightJson of(String id, Insight insight) {
        return new InsightJson(id,
                new Writer(insight.writerRole().code(), insight.writerRoleGiven()),
                insight.subject().code(),
                new Child(insight.childAgeMonths(), EvidenceJson.of(insight.childAgeEvidence())),
                insight.themes().stream().map(t -> new ThemeJson(t.theme().code(), t.person().code(), t.confidence(),
                        t.theme().plainWords(), t.evidence().stream().map(EvidenceJson::of).toList())).toList(),
                new Risk(insight.riskLevel().code(), insight.riskReasons().stream()
                        .map(r -> new ReasonJson(r.code(), r.person().code(), EvidenceJson.of(r.evidence()))).toList()),
                insight.analyserVersion());
    }
}
