package app.village.discovery.web;

import java.util.List;

import app.village.discovery.StorySearch;
import app.village.platform.InvalidInputException;

/**
 * Query parameters as typed (strings), turned into a search with an error naming the parameter
 * at fault: "minAge=abc" is a person's mistake to point at, not a bad request to shrug at.
 */
final class SearchParams {

    private SearchParams() {
    }

    static StorySearch of(String q, List<String> themes, String minAge, String maxAge, String role, String mine, String page) {
        List<String> chosen = themes == null ? List.of() : themes.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (chosen.size() > 19) {
            throw new InvalidInputException("theme", "Choose at most 19 themes.");
        }
        Integer p = integer("page", page, "The page");
        return new StorySearch(q, chosen, integer("minAge", minAge, "The youngest age"), integer("maxAge", maxAge, "The oldest age"),
                role, flag("mine", mine), p == null ? 1 : p);
    }

    static Integer integer(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + " must be a whole number.");
        }
    }

    static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidInputException(field, "Say true or false.");
        };
    }
}
