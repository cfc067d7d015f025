package app.village.discovery.web;

import java.util.Locale;

import app.village.accounts.FamilyRole;
import app.village.understanding.Theme;

/** Codes in the words shown on pages. */
public final class StoryLabels {

    private StoryLabels() {
    }

    /** "a mother", "another carer"; empty when unknown. */
    public static String role(String code) {
        try {
            FamilyRole role = FamilyRole.valueOf(code.toUpperCase(Locale.ROOT));
            return role == FamilyRole.OTHER_CARER ? "another carer" : "a " + role.label().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    public static String theme(String code) {
        try {
            return Theme.ofCode(code).plainWords();
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
    }
}
