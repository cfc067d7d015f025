package app.village.discovery.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.village.discovery.StoriesForTests;
import app.village.discovery.StoriesForTests.Story;
import app.village.understanding.Embeddings;
import app.village.understanding.TextEmbedder;

/** The index on its own: real Lucene files in a temporary folder, real model vectors. */
class StoryIndexTest {

    private static TextEmbedder embedder;

    @TempDir
    Path folder;

    private StoryIndex index;
    private final List<UUID> others = new ArrayList<>();
    private UUID noBond;
    private UUID noBondAgain;

    @BeforeAll
    static void loadModel() {
        embedder = Embeddings.miniLm(1);
    }

    @BeforeEach
    void fill() {
        index = StoryIndex.open(folder);
        noBond = put(StoriesForTests.NO_BOND, UUID.randomUUID(), true, 2, "mother", List.of("bonding_difficulty"));
        noBondAgain = put(StoriesForTests.NO_BOND_AGAIN, UUID.randomUUID(), true, 2, "mother", List.of("bonding_difficulty"));
        for (Story s : StoriesForTests.others()) {
            others.add(put(s, UUID.randomUUID(), true, 6, "father", List.of()));
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    private UUID put(Story story, UUID author, boolean listed, Integer age, String role, List<String> themes) {
        UUID id = UUID.randomUUID();
        index.put(story(id, story, author, listed, age, role, themes, 0));
        return id;
    }

    private static IndexedStory story(UUID id, Story story, UUID author, boolean listed, Integer age, String role,
                                      List<String> themes, int version) {
        return new IndexedStory(id, author, story.title(), story.body(), age, role, listed, themes, Instant.now(), version,
                embedder.embed(IndexedStory.text(story.title(), story.body())));
    }

    private List<UUID> similarIds(UUID id, Fusion fusion) {
        return index.similar(id, Set.of(), 5, fusion).stream().map(StoryHit::id).toList();
    }

    @Test
    void expungingLeavesNothingOfADeletedStoryInTheFiles() {
        String marker = "qzexpunge" + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        UUID gone = put(new Story("Gone " + marker, "A story that says " + marker + " and then is deleted."), UUID.randomUUID(),
                true, 2, "mother", List.of());
        // One segment shared with live stories, as in use: deleting one document only marks it deleted there.
        index.compact();
        index.remove(gone);
        assertThat(app.village.support.Traces.inFiles(folder, marker)).as("a deleted story's words stay on disk").isNotEmpty();

        index.expungeDeleted();
        assertThat(app.village.support.Traces.inIndex(folder, marker)).as("terms, stored fields, file bytes").isEmpty();
        app.village.support.Traces.Counts counts = app.village.support.Traces.counts(folder);
        assertThat(counts.maxDoc()).isEqualTo(counts.numDocs()).isEqualTo(others.size() + 2);
        assertThat(similarIds(noBond, Fusion.WEIGHTED)).first().isEqualTo(noBondAgain);
    }

    @ParameterizedTest
    @EnumSource(value = Fusion.class, names = {"WEIGHTED", "RRF"})
    void hybridRankingPutsTheNearDuplicateFirst(Fusion fusion) {
        assertThat(similarIds(noBondAgain, fusion)).first().isEqualTo(noBond);
        assertThat(similarIds(noBond, fusion)).first().isEqualTo(noBondAgain);
    }

    @Test
    void meaningFindsAStoryToldInOtherWords() {
        // Few words in common with NO_BOND; close in meaning.
        UUID reworded = put(new Story("Where is the rush of love?",
                "No connection with my little boy yet. He is two and a half months and it is as if I am minding a stranger."),
                UUID.randomUUID(), true, 2, "mother", List.of());
        assertThat(index.similar(reworded, Set.of(noBondAgain), 3, Fusion.WEIGHTED)).first()
                .satisfies(hit -> assertThat(hit.id()).isEqualTo(noBond))
                .satisfies(hit -> assertThat(hit.similarity()).isBetween(StoryIndex.MIN_SIMILARITY, 1.0));
    }

    @Test
    void aStoryIsNeverSimilarToItselfNorShownFromAnExcludedWriter() {
        UUID author = UUID.randomUUID();
        UUID mine = put(StoriesForTests.NO_BOND_AGAIN, author, true, 2, "mother", List.of());
        List<StoryHit> hits = index.similar(noBond, Set.of(author), 10, Fusion.WEIGHTED);
        assertThat(hits).extracting(StoryHit::id).doesNotContain(noBond, mine).contains(noBondAgain);
    }

    @Test
    void withheldStoriesAreNeverFoundButCanStillAskForSimilarOnes() {
        UUID hidden = put(StoriesForTests.NO_BOND_AGAIN, UUID.randomUUID(), false, 2, "mother", List.of("bonding_difficulty"));
        assertThat(similarIds(noBond, Fusion.WEIGHTED)).doesNotContain(hidden);
        for (Fusion fusion : Fusion.values()) {
            assertThat(index.search("feel nothing for my baby", embedder.embed("feel nothing for my baby"),
                    new StoryIndex.Filters(Set.of(), null, null, null, Set.of()), 0, 20, fusion).hits())
                    .extracting(StoryHit::id).doesNotContain(hidden);
        }
        assertThat(index.search(null, null, new StoryIndex.Filters(Set.of(), null, null, null, Set.of()), 0, 50, Fusion.WEIGHTED)
                .hits()).extracting(StoryHit::id).doesNotContain(hidden).hasSize(8);
        // Its writer, reading it, may see stories like it.
        assertThat(similarIds(hidden, Fusion.WEIGHTED)).first().isIn(noBond, noBondAgain);
    }

    @Test
    void aRemovedStoryIsGoneFromTheVeryNextAnswer() {
        assertThat(similarIds(noBondAgain, Fusion.WEIGHTED)).contains(noBond);
        index.remove(noBond);
        assertThat(similarIds(noBondAgain, Fusion.WEIGHTED)).doesNotContain(noBond);
        assertThat(index.find(noBond)).isEmpty();
        assertThat(index.size()).isEqualTo(7);
    }

    @Test
    void anEditReplacesTheStoryAndOnlyTheLatestIsFound() {
        index.put(story(noBond, new Story("Better now", "We went to a baby massage class and something shifted."),
                UUID.randomUUID(), true, 3, "mother", List.of(), 1));
        assertThat(index.size()).isEqualTo(8);
        assertThat(index.find(noBond)).get().extracting(StoryIndex.Entry::version).isEqualTo(1);
        List<StoryHit> found = index.search("massage", embedder.embed("massage"),
                new StoryIndex.Filters(Set.of(), null, null, null, Set.of()), 0, 5, Fusion.WEIGHTED).hits();
        assertThat(found).first().satisfies(h -> {
            assertThat(h.id()).isEqualTo(noBond);
            assertThat(h.title()).isEqualTo("Better now");
            assertThat(h.childAgeMonths()).isEqualTo(3);
        });
    }

    @Test
    void filtersByThemeAgeAndRole() {
        StoryIndex.Filters bonding = new StoryIndex.Filters(Set.of("bonding_difficulty"), null, null, null, Set.of());
        assertThat(index.search(null, null, bonding, 0, 20, Fusion.WEIGHTED).hits()).extracting(StoryHit::id)
                .containsExactlyInAnyOrder(noBond, noBondAgain);
        StoryIndex.Filters older = new StoryIndex.Filters(Set.of(), 4, 12, null, Set.of());
        assertThat(index.search(null, null, older, 0, 20, Fusion.WEIGHTED).hits()).extracting(StoryHit::id)
                .containsExactlyInAnyOrderElementsOf(others);
        StoryIndex.Filters fathers = new StoryIndex.Filters(Set.of(), null, null, "father", Set.of());
        assertThat(index.search("numb", embedder.embed("numb"), fathers, 0, 20, Fusion.WEIGHTED).hits())
                .allSatisfy(h -> assertThat(h.role()).isEqualTo("father")).isNotEmpty();
        StoryIndex.Filters mothersOfOlder = new StoryIndex.Filters(Set.of(), 4, null, "mother", Set.of());
        assertThat(index.search(null, null, mothersOfOlder, 0, 20, Fusion.WEIGHTED).hits()).isEmpty();
    }

    @Test
    void aSearchFindsByMeaningButDoesNotFillUpWithLooseMatches() {
        StoryIndex.Filters any = new StoryIndex.Filters(Set.of(), null, null, null, Set.of());
        List<StoryHit> goodbyes = index.search("nursery goodbyes", embedder.embed("nursery goodbyes"), any, 0, 20, Fusion.WEIGHTED).hits();
        assertThat(goodbyes).as(goodbyes.toString()).extracting(StoryHit::title).first().isEqualTo("Nursery goodbyes");
        assertThat(goodbyes).as(goodbyes.toString()).extracting(StoryHit::title).doesNotContain("The birth keeps replaying", "Feeding hurts");
        // No word in common with the story, the same situation.
        String words = "my baby cries for hours every night";
        List<StoryHit> crying = index.search(words, embedder.embed(words), any, 0, 20, Fusion.WEIGHTED).hits();
        // Found by meaning alone, near the top; a story sharing one ordinary word ("night") may still come before it.
        assertThat(crying.subList(0, 2)).as(crying.toString()).extracting(StoryHit::title).contains("Screaming every evening");
        assertThat(crying).first().extracting(StoryHit::similarity).isNotEqualTo(0.0);
    }

    @Test
    void pagesOfASearch() {
        StoryIndex.Filters any = new StoryIndex.Filters(Set.of(), null, null, null, Set.of());
        StoryIndex.Page first = index.search(null, null, any, 0, 5, Fusion.WEIGHTED);
        StoryIndex.Page second = index.search(null, null, any, 5, 5, Fusion.WEIGHTED);
        assertThat(first.hits()).hasSize(5);
        assertThat(first.more()).isTrue();
        assertThat(second.hits()).hasSize(3);
        assertThat(second.more()).isFalse();
        assertThat(second.hits()).extracting(StoryHit::id).doesNotContainAnyElementsOf(first.hits().stream().map(StoryHit::id).toList());
    }

    @Test
    void wordsThatLookLikeQuerySyntaxAreJustWords() {
        StoryIndex.Filters any = new StoryIndex.Filters(Set.of(), null, null, null, Set.of());
        for (String words : List.of("AND OR NOT", "\"unclosed", "feed* ?ing [0 TO 9] {x} title:(a) ~2 ^3 \\", "'; DROP TABLE posts; --",
                "<script>alert(1)</script>", "日本語 😀")) {
            assertThat(index.search(words, embedder.embed(words), any, 0, 5, Fusion.WEIGHTED).hits()).isNotNull();
        }
        assertThat(index.search("feed", embedder.embed("feed"), any, 0, 5, Fusion.TEXT).hits()).extracting(StoryHit::title)
                .contains("Feeding hurts");
    }

    @Test
    void theIndexSurvivesClosingAndReopening() {
        index.close();
        index = StoryIndex.open(folder);
        assertThat(index.size()).isEqualTo(8);
        assertThat(index.find(noBond)).get().satisfies(e -> assertThat(e.vector()).hasSize(StoryIndex.DIMENSIONS));
        assertThat(similarIds(noBondAgain, Fusion.WEIGHTED)).first().isEqualTo(noBond);
    }

    @Test
    void aSecondWriterOnTheSameFolderIsRefusedInWords() {
        assertThatThrownBy(() -> StoryIndex.open(folder)).isInstanceOf(StoryIndex.IndexBusyException.class)
                .hasMessageContaining("in use by another Village process");
    }

    @Test
    void anUnreadableIndexIsStartedAfresh(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("segments_1"), "not a Lucene file");
        try (StoryIndex fresh = StoryIndex.open(other)) {
            assertThat(fresh.size()).isZero();
        }
    }

    @Test
    void erasureFindsAWritersStories() {
        UUID author = UUID.randomUUID();
        UUID a = put(StoriesForTests.ARGUING, author, true, null, "partner", List.of());
        UUID b = put(StoriesForTests.DAD_LOW, author, false, null, "partner", List.of());
        assertThat(index.idsByAuthor(author)).containsExactlyInAnyOrder(a, b);
        index.removeAll(index.idsByAuthor(author));
        assertThat(index.ids()).doesNotContain(a, b).hasSize(8);
    }

    @Test
    void excerptsAreShortAndCutBetweenWords() {
        String body = "word ".repeat(200);
        String excerpt = StoryIndex.excerpt(body);
        assertThat(excerpt.length()).isLessThanOrEqualTo(StoryIndex.EXCERPT_CHARS + 1);
        assertThat(excerpt).endsWith("word…");
        assertThat(excerpt).doesNotContain("wor…");
        assertThat(StoryIndex.excerpt("Two\n\nlines")).isEqualTo("Two lines");
    }
}
