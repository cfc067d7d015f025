package app.village.guidance.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    @Override
    public List<GuideSummary> search(String text, Theme theme) {
        List<String> words = words(text);
        Function<Guide, Long> titleHits = g -> words.stream().filter(w -> g.summary().title().toLowerCase(Locale.ROOT).contains(w)).count();
        return library.guides().stream()
                .filter(g -> theme == null || g.summary().themes().contains(theme))
                .filter(g -> words.stream().allMatch(haystacks.get(g.slug())::contains))
                .sorted(Comparator.comparing(titleHits).reversed())
                .map(Guide::summary)
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

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2).distinct().limit(12).toList();
    }

    private static String haystack(Guide guide) {
        StringBuilder s = new StringBuilder(guide.text());
        for (Theme theme : guide.summary().themes()) {
            s.append('\n').append(theme.plainWords()).append(' ').append(theme.code().replace('_', ' '));
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
