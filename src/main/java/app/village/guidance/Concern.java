package app.village.guidance;

import java.util.List;

import app.village.understanding.Person;
import app.village.understanding.Theme;

/**
 * One thing a parent is living with: a theme, whose experience it is, and the sentences that show it
 * (empty when the theme was named rather than heard, as from a screening result).
 */
public record Concern(Theme theme, Person person, List<String> evidence) {

    public Concern {
        evidence = List.copyOf(evidence);
    }

    public static Concern of(Theme theme, Person person) {
        return new Concern(theme, person, List.of());
    }
}
