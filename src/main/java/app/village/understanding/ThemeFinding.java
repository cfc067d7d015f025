package app.village.understanding;

import java.util.List;

/** A theme heard in the text, whose experience it is, how sure the analyser is, and why. */
public record ThemeFinding(Theme theme, Person person, double confidence, List<Evidence> evidence) {
}
