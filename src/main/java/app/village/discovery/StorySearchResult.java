package app.village.discovery;

import java.util.List;

/** One page of a search. */
public record StorySearchResult(List<SimilarStory> stories, int page, boolean hasNext) {
}
