package app.village.safety.policy;

import java.util.Locale;

/**
 * One reason for a risk level as the policy sees it: a code of TAXONOMY.md and whose experience it is
 * ({@code writer}, {@code partner}, {@code child}, {@code other}).
 */
public record Reason(String code, String person) {

    public Reason {
        code = code.strip().toLowerCase(Locale.ROOT);
        person = person == null || person.isBlank() ? "writer" : person.strip().toLowerCase(Locale.ROOT);
    }

    /** Stored form, {@code code@person}. */
    public String stored() {
        return code + "@" + person;
    }

    public static Reason ofStored(String stored) {
        int at = stored.indexOf('@');
        return at < 0 ? new Reason(stored, "writer") : new Reason(stored.substring(0, at), stored.substring(at + 1));
    }
}
