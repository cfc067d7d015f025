package app.village.guidance.web;

import java.util.Optional;

import app.village.guidance.library.GuideParser;
import app.village.platform.InvalidInputException;
import app.village.platform.UserText;
import app.village.understanding.Theme;

/** The checks on what a visitor asks the library for, shared by the pages and the API. */
final class GuideQueries {

    static final int MAX_QUERY = 200;

    private GuideQueries() {
    }

    /** The search words, or null when none were given. */
    static String text(String q) {
        return UserText.optional("q", "The search", q, MAX_QUERY, false);
    }

    /** The theme, or null when none was chosen. */
    static Theme theme(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return themeCode("theme", code);
    }

    static Theme themeCode(String field, String code) {
        try {
            return Theme.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "We do not know the theme '" + shorten(code)
                    + "'. Use one of the codes of the taxonomy, such as bonding_difficulty.");
        }
    }

    /** A slug that could name a guide; anything else is not looked up at all. */
    static Optional<String> slug(String slug) {
        return slug != null && slug.length() <= 80 && GuideParser.SLUG.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    static String shorten(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_ -]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
