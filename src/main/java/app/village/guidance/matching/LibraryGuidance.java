package app.village.guidance.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import app.village.guidance.GuideSummary;
import app.village.guidance.Guidance;
import app.village.guidance.Situation;
import app.village.guidance.Suggestion;
import app.village.guidance.library.Guide;
import app.village.guidance.library.GuideLibrary;
import app.village.understanding.Theme;

/** {@link Guidance} over the loaded library. */
public final class LibraryGuidance implements Guidance {

    private final GuideLibrary library;
    private final Matching matching;
    private final Map<String, String> haystacks;

    public LibraryGuidance(GuideLibrary library) {
        this.library = library;
        this.matching = new Matching(library);
        this.haystacks = library.guides().stream().collect(Collectors.toUnmodifiableMap(Guide::slug, LibraryGuidance::haystack));
    }

    public GuideLibrary library() {
        return library;
    }

    @Override
    public List<GuideSummary> all() {
        return library.guides().stream().map(Guide::summary).toList();
    }

    /**
     * Words are matched anywhere in a guide (so "bond" finds "bonding"); a guide must hold at least half of
     * the words asked for, and ranks by how many it holds, a word in the title counting most. Common small
     * words are ignored, so a question typed as a sentence still finds its guides.
     */
    @Override
    public List<GuideSummary> search(String text, Theme theme) {
        List<String> words = words(text);
        int needed = (words.size() + 1) / 2;
        record Hit(Guide guide, int matched, int score) {
        }
        return library.guides().stream()
                .filter(g -> theme == null || g.summary().themes().contains(theme))
                .map(g -> {
                    String title = g.summary().title().toLowerCase(Locale.ROOT);
                    String summary = g.summary().summary().toLowerCase(Locale.ROOT);
                    String haystack = haystacks.get(g.slug());
                    int matched = 0;
                    int score = 0;
                    for (String w : words) {
                        if (haystack.contains(w)) {
                            matched++;
                            score += title.contains(w) ? 3 : summary.contains(w) ? 2 : 1;
                        }
                    }
                    return new Hit(g, matched, score);
                })
                .filter(h -> h.matched() >= needed)
                .sorted(Comparator.comparingInt(Hit::score).reversed())
                .map(h -> h.guide().summary())
                .toList();
    }

    @Override
    public Optional<GuideSummary> find(String slug) {
        return library.find(slug).map(Guide::summary);
    }

    @Override
    public List<Suggestion> suggestFor(Situation situation, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return matching.suggest(situation, limit);
    }

    private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of("a", "an", "and", "are", "as", "at", "be", "but",
            "by", "can", "do", "for", "from", "get", "has", "have", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on",
            "or", "our", "so", "that", "the", "to", "we", "what", "when", "with", "you", "your");

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2 && !SMALL_WORDS.contains(w)).distinct().limit(12).toList();
    }

    private static String haystack(Guide guide) {
        StringBuilder s = new StringBuilder(guide.text());
        for (Theme theme : guide.summary().themes()) {
            s.append('\n').append(theme.plainWords()).append(' ').append(theme.code().replace('_', ' '));
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
