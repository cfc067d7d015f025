package app.village.discovery;

import java.util.List;

/**
 * A search as asked; {@link SimilarStories#search} checks it.
 *
 * @param words        free words, or null to browse by the filters alone (newest first)
 * @param themes       TAXONOMY theme codes, any of which a story must have; empty for any
 * @param minAgeMonths youngest child's age in months, or null
 * @param maxAgeMonths oldest child's age in months, or null
 * @param role         writer's family role code, or null for anyone
 * @param page         1 for the first page of {@link #PAGE_SIZE}
 */
public record StorySearch(String words, List<String> themes, Integer minAgeMonths, Integer maxAgeMonths, String role,
                          boolean includeMine, int page) {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_PAGE = 25;
    public static final int MAX_WORDS_CHARS = 300;

    public StorySearch {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
