package app.village.guidance;

import java.util.List;
import java.util.Optional;

import app.village.understanding.Theme;

/** The library of guides and the matching of guides to a situation. Thread-safe; the guides are loaded once. */
public interface Guidance {

    /** Every guide, in the library's order (by title). */
    List<GuideSummary> all();

    /**
     * Guides serving the theme (or all when null) that hold at least half the words of the text (or all when it has
     * none that count), best first; endings, common synonyms and small misspellings are understood. When the text
     * asks for urgent help ({@link #asksForUrgentHelp}), the guide on getting urgent help comes first, always.
     */
    List<GuideSummary> search(String text, Theme theme);

    /** Whether a search's words ask for urgent help ("suicidal", "kill myself", "crisis", misspelt or not). */
    boolean asksForUrgentHelp(String text);

    Optional<GuideSummary> find(String slug);

    /**
     * The best few guides for the situation, at most {@code limit}, each with its reason. Deterministic.
     * When the risk is high or urgent, or a concern is about harm or psychosis, the guide on getting
     * urgent help always comes first, in addition to the {@code limit} others.
     */
    List<Suggestion> suggestFor(Situation situation, int limit);

    default List<Suggestion> suggestFor(Situation situation) {
        return suggestFor(situation, 3);
    }
}
