package app.village.guidance.matching;

import java.util.List;
import java.util.Optional;

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
    private final GuideSearch search;

    public LibraryGuidance(GuideLibrary library) {
        this.library = library;
        this.matching = new Matching(library);
        this.search = new GuideSearch(library.guides());
    }

    public GuideLibrary library() {
        return library;
    }

    @Override
    public List<GuideSummary> all() {
        return library.guides().stream().map(Guide::summary).toList();
    }

    /**
     * The guides holding at least half of the words asked for (read as {@link GuideSearch} reads them: endings,
     * synonyms, small misspellings), best first. Words asking for urgent help always put the urgent-help guide
     * first, whatever the theme.
     */
    @Override
    public List<GuideSummary> search(String text, Theme theme) {
        List<String> found = search.slugs(text);
        java.util.stream.Stream<Guide> guides = GuideSearch.wordsOf(text).isEmpty() ? library.guides().stream()
                : found.stream().map(library::find).flatMap(Optional::stream);
        List<GuideSummary> matching = guides.filter(g -> theme == null || g.summary().themes().contains(theme))
                .map(Guide::summary).toList();
        if (!search.isCrisis(text)) {
            return matching;
        }
        GuideSummary urgent = library.urgentHelp().summary();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(urgent), matching.stream().filter(g -> !g.equals(urgent)))
                .toList();
    }

    @Override
    public boolean asksForUrgentHelp(String text) {
        return search.isCrisis(text);
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
}
