package app.village.discovery.app;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import app.village.accounts.FamilyRole;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.discovery.SimilarStories;
import app.village.discovery.SimilarStory;
import app.village.discovery.StorySearch;
import app.village.discovery.StorySearchResult;
import app.village.discovery.index.StoryHit;
import app.village.discovery.index.StoryIndex;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.platform.UserText;
import app.village.understanding.TextEmbedder;
import app.village.understanding.Theme;

/**
 * Answers from the index, then asks the community which of the stories found every member may
 * read at this moment: a post made private, hidden or deleted a moment ago is never shown, even
 * before the index has heard of it.
 */
@Service
class StoryFinder implements SimilarStories {

    static final int MAX_SIMILAR = 10;
    static final int MAX_AGE_MONTHS = 216;
    private static final String NO_SUCH_POST = "This post does not exist, or it is private.";

    private final StoryIndex index;
    private final Stories stories;
    private final Indexer indexer;
    private final TextEmbedder embedder;
    private final DiscoveryProperties properties;

    StoryFinder(StoryIndex index, Stories stories, Indexer indexer, @Lazy TextEmbedder embedder, DiscoveryProperties properties) {
        this.index = index;
        this.stories = stories;
        this.indexer = indexer;
        this.embedder = embedder;
        this.properties = properties;
    }

    @Override
    public List<SimilarStory> similarTo(UUID postId, UUID viewerId, boolean includeMine, int limit) {
        if (limit < 1 || limit > MAX_SIMILAR) {
            throw new InvalidInputException("limit", "Ask for between 1 and " + MAX_SIMILAR + " similar stories.");
        }
        StoryText post = stories.postText(postId).orElseThrow(() -> new NotFoundException(NO_SUCH_POST));
        boolean mine = post.authorId() != null && post.authorId().equals(viewerId);
        Set<UUID> excluded = new HashSet<>();
        if (post.authorId() != null && !(mine && includeMine)) {
            excluded.add(post.authorId());
        }
        if (!includeMine) {
            excluded.add(viewerId);
        }
        // A few spare answers, in case some were withdrawn a moment ago and the index has not heard yet.
        List<StoryHit> hits = index.similar(postId, excluded, limit + 5, properties.fusion());
        // One look at the community for the post itself and its answers (a thread page runs this on every view).
        List<UUID> ids = new java.util.ArrayList<>(hits.stream().map(StoryHit::id).toList());
        ids.add(postId);
        Map<UUID, Instant> readable = stories.readableByAll(ids);
        if (!mine && !readable.containsKey(postId)) {
            throw new NotFoundException(NO_SUCH_POST);
        }
        return readableNow(hits, readable).stream().limit(limit).toList();
    }

    @Override
    public boolean awaitingFiling(UUID postId, UUID viewerId) {
        StoryText post = stories.postText(postId).orElse(null);
        if (post == null || !viewerId.equals(post.authorId())) {
            return false;
        }
        return index.find(postId).map(filed -> filed.version() < post.version())
                .orElseGet(() -> stories.hiddenState("POST", postId).map(h -> !h.hidden()).orElse(false));
    }

    @Override
    public StorySearchResult search(StorySearch search, UUID viewerId) {
        String words = UserText.optional("q", "The search", search.words(), StorySearch.MAX_WORDS_CHARS, false);
        words = words == null || words.isBlank() ? null : words;
        Set<String> themes = new HashSet<>();
        for (String code : search.themes()) {
            themes.add(themeCode(code));
        }
        Integer min = age("minAge", search.minAgeMonths());
        Integer max = age("maxAge", search.maxAgeMonths());
        if (min != null && max != null && min > max) {
            throw new InvalidInputException("maxAge", "The oldest age is younger than the youngest. Swap them, or leave one empty.");
        }
        String role = role(search.role());
        if (search.page() < 1 || search.page() > StorySearch.MAX_PAGE) {
            throw new InvalidInputException("page", "Pages go from 1 to " + StorySearch.MAX_PAGE + ".");
        }
        float[] vector = words == null ? null : embedder.embed(words);
        Set<UUID> excluded = search.includeMine() ? Set.of() : Set.of(viewerId);
        int size = StorySearch.PAGE_SIZE;
        StoryIndex.Page page = index.search(words, vector, new StoryIndex.Filters(themes, min, max, role, excluded),
                (search.page() - 1) * size, size, properties.fusion());
        return new StorySearchResult(readableNow(page.hits()), search.page(), page.more());
    }

    @Override
    public void refresh(UUID postId) {
        indexer.refresh(postId);
    }

    @Override
    public void forget(UUID postId) {
        indexer.forget(postId);
    }

    private List<SimilarStory> readableNow(List<StoryHit> hits) {
        return readableNow(hits, stories.readableByAll(hits.stream().map(StoryHit::id).toList()));
    }

    private static List<SimilarStory> readableNow(List<StoryHit> hits, Map<UUID, Instant> readable) {
        return hits.stream().filter(h -> readable.containsKey(h.id()))
                .map(h -> new SimilarStory(h.id(), h.title(), h.excerpt(), h.childAgeMonths(), h.role(), h.themes(),
                        readable.get(h.id()), Math.max(0, Math.round(h.similarity() * 100) / 100.0)))
                .toList();
    }

    static String themeCode(String code) {
        try {
            return Theme.ofCode(code).code();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("theme", "There is no theme called that. Choose one from the list.");
        }
    }

    private static Integer age(String field, Integer months) {
        if (months != null && (months < 0 || months > MAX_AGE_MONTHS)) {
            throw new InvalidInputException(field, "A child's age is between 0 and " + MAX_AGE_MONTHS + " months.");
        }
        return months;
    }

    static String role(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return FamilyRole.valueOf(code.strip().toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Choose mother, father, partner or other carer.");
        }
    }
}
