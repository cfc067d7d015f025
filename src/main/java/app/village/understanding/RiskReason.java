package app.village.understanding;

/** One reason for the risk level: a theme code (or a finer code such as {@code hopelessness}) and the sentence that shows it. */
public record RiskReason(String code, Person person, Evidence evidence) {
}
