package app.village.discovery.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.discovery.SimilarStories;
import app.village.discovery.SimilarStory;
import app.village.discovery.StoriesForTests;
import app.village.discovery.StoriesForTests.Story;
import app.village.discovery.StorySearch;
import app.village.discovery.index.StoryIndex;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * The index kept in step with the community through the real events, on the real database, and
 * what a second member can and cannot see through the pages and the API.
 */
@VillageIntegrationTest
class DiscoveryIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired SimilarStories similar;
    @Autowired app.village.community.Stories stories;
    @Autowired StoryIndex index;
    @Autowired Indexer indexer;
    @Autowired JdbcClient jdbc;
    @Autowired app.village.accounts.domain.AccountService accounts;

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s for " + what).isBefore(until);
            Thread.sleep(100);
        }
    }

    /** Each test marks its own stories, so the same stories published by other tests do not crowd its answers. */
    private final String marker = StoriesForTests.marker();

    private Post publish(TestMembers.Created writer, Story story, String visibility, Integer age) {
        Story mine = story.marked(marker);
        return community.publishPost(writer.id(), new PostDraft(mine.title(), mine.body(), visibility, null, age, null));
    }

    /** Publishes and waits until the index has filed this version. */
    private Post indexed(TestMembers.Created writer, Story story, String visibility, Integer age) throws InterruptedException {
        Post post = publish(writer, story, visibility, age);
        eventuallyIndexed(post);
        return post;
    }

    private void eventuallyIndexed(Post post) throws InterruptedException {
        eventually("post " + post.id() + " version " + post.version() + " to be indexed",
                () -> index.find(post.id()).filter(e -> e.version() == post.version()).isPresent());
    }

    private List<UUID> similarFor(UUID postId, TestMembers.Created viewer) {
        return similar.similarTo(postId, viewer.id(), false, 10).stream().map(SimilarStory::postId).toList();
    }

    @Test
    void publishedPostsAreFoundAndEditsAndDeletionsFollow() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created cat = members.mother();
        TestMembers.Created bob = members.father();
        Post first = indexed(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        Post again = indexed(cat, StoriesForTests.NO_BOND_AGAIN, "COMMUNITY", 3);

        // Which comes first is the index's test (the same stories of other tests share this database); here: it is found.
        List<SimilarStory> forBob = similar.similarTo(first.id(), bob.id(), false, 10);
        assertThat(forBob).filteredOn(s -> s.postId().equals(again.id())).singleElement().satisfies(s -> {
            assertThat(s.postId()).isEqualTo(again.id());
            assertThat(s.title()).isEqualTo(StoriesForTests.NO_BOND_AGAIN.title());
            assertThat(s.childAgeMonths()).isEqualTo(3);
            assertThat(s.writerRole()).isEqualTo("mother");
            assertThat(s.excerpt()).startsWith("Everyone told me the love would come.");
        });

        Post edited = community.edit(cat.id(), again.id(), 0, new PostDraft("Baby massage helped",
                "We went to a baby massage class at the children's centre and something shifted between us.", "COMMUNITY", null, 4, null));
        eventuallyIndexed(edited);
        assertThat(similar.search(new StorySearch("massage class", List.of(), null, null, null, false, 1), bob.id()).stories())
                .extracting(SimilarStory::title).contains("Baby massage helped");

        community.delete(cat.id(), again.id());
        // Gone from answers at once, before the index has heard of it.
        assertThat(similarFor(first.id(), bob)).doesNotContain(again.id());
        eventually("the deleted post to leave the index", () -> index.find(again.id()).isEmpty());
    }

    @Test
    void privatePostsNeverReachAnotherMemberButTheirWriterSeesStoriesLikeThem() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created dee = members.mother();
        TestMembers.Created bob = members.father();
        Post open = indexed(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        String privateTitle = "Only for me " + marker;
        Post hidden = indexed(dee, new Story(privateTitle, StoriesForTests.NO_BOND_AGAIN.body()), "PRIVATE", 2);

        assertThat(similarFor(open.id(), bob)).doesNotContain(hidden.id());
        assertThat(similar.search(new StorySearch("feel nothing " + marker, List.of(), null, null, null, false, 1), bob.id()).stories())
                .extracting(SimilarStory::postId).doesNotContain(hidden.id());
        String api = mvc.perform(get("/api/posts/" + open.id() + "/similar").with(user(bob.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain(hidden.id().toString()).doesNotContain(privateTitle);
        String searchApi = mvc.perform(get("/api/search").param("q", "looking after somebody else's baby " + marker)
                .with(user(bob.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(searchApi).contains(open.id().toString()).doesNotContain(hidden.id().toString());
        String page = mvc.perform(get("/posts/" + open.id()).with(user(bob.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Parents who wrote something like this").doesNotContain(privateTitle);
        String searchPage = mvc.perform(get("/stories/search").param("q", "feel nothing " + marker).with(user(bob.user())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(searchPage).contains(StoriesForTests.NO_BOND.title()).doesNotContain(privateTitle);

        // Someone else's private post: as if it did not exist, and nothing about it leaks through "similar".
        mvc.perform(get("/api/posts/" + hidden.id() + "/similar").with(user(bob.user())))
                .andExpect(status().isNotFound());
        // Its writer reads it and sees community stories like it.
        assertThat(similarFor(hidden.id(), dee)).contains(open.id());

        // Made private later: gone for others at once.
        community.edit(ann.id(), open.id(), 0, new PostDraft(StoriesForTests.NO_BOND.title(),
                StoriesForTests.NO_BOND.marked(marker).body(), "PRIVATE", null, 2, null));
        assertThat(similarFor(hidden.id(), dee)).doesNotContain(open.id());
    }

    @Test
    void aWritersOwnPostsAreLeftOutUnlessTheyAsk() throws Exception {
        TestMembers.Created ann = members.mother();
        Post first = indexed(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        Post second = indexed(ann, StoriesForTests.NO_BOND_AGAIN, "COMMUNITY", 2);
        assertThat(similarFor(first.id(), ann)).doesNotContain(second.id());
        assertThat(similar.similarTo(first.id(), ann.id(), true, 10)).extracting(SimilarStory::postId).contains(second.id());
        mvc.perform(get("/api/posts/" + first.id() + "/similar").param("mine", "true").param("limit", "10").with(user(ann.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].postId").value(org.hamcrest.Matchers.hasItem(second.id().toString())));
        String page = mvc.perform(get("/posts/" + first.id()).param("similarMine", "true").with(user(ann.user())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Leave my own posts out");
        String without = mvc.perform(get("/posts/" + first.id()).with(user(ann.user())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(without).contains("Include my own posts").doesNotContain("/posts/" + second.id());
        // Another reader never sees the same writer's other post offered as "another parent".
        TestMembers.Created bob = members.father();
        assertThat(similar.similarTo(first.id(), bob.id(), true, 10)).extracting(SimilarStory::postId).doesNotContain(second.id());
    }

    @Test
    void themesHeardByTheUnderstandingBecomeFilters() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post crying = indexed(ann, StoriesForTests.CRYING_EVENINGS, "COMMUNITY", 1);
        eventually("the themes to reach the index", () -> similar.search(new StorySearch(null, List.of("infant_crying"),
                0, 1, null, false, 1), bob.id()).stories().stream().anyMatch(s -> s.postId().equals(crying.id())));
        assertThat(similar.search(new StorySearch(null, List.of("infant_crying"), 6, 12, null, false, 1), bob.id()).stories())
                .extracting(SimilarStory::postId).doesNotContain(crying.id());
        assertThat(similar.search(new StorySearch(null, List.of("feeding"), null, null, null, false, 1), bob.id()).stories())
                .extracting(SimilarStory::postId).doesNotContain(crying.id());
        assertThat(similar.search(new StorySearch(null, List.of(), null, null, "father", false, 1), bob.id()).stories())
                .extracting(SimilarStory::postId).doesNotContain(crying.id());
        mvc.perform(get("/api/search").param("theme", "infant_crying").param("minAge", "0").param("maxAge", "1")
                        .param("role", "mother").with(user(bob.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stories[?(@.postId == '" + crying.id() + "')].themes[*]")
                        .value(org.hamcrest.Matchers.hasItem("infant_crying")));
    }

    @Test
    void forgetAndRefreshForModerationAndAPostGoneBehindTheIndexsBack() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created cat = members.mother();
        TestMembers.Created bob = members.father();
        Post first = indexed(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        Post again = indexed(cat, StoriesForTests.NO_BOND_AGAIN, "COMMUNITY", 2);
        similar.forget(again.id());
        assertThat(similarFor(first.id(), bob)).doesNotContain(again.id());
        similar.refresh(again.id());
        assertThat(similarFor(first.id(), bob)).contains(again.id());

        // Removed from the database without any event (as erasure removes posts): never shown, though still indexed.
        jdbc.sql("DELETE FROM posts WHERE id = ?").param(again.id()).update();
        assertThat(index.find(again.id())).isPresent();
        assertThat(similarFor(first.id(), bob)).doesNotContain(again.id());
        similar.refresh(again.id());
        assertThat(index.find(again.id())).isEmpty();
    }

    @Test
    void aPostHiddenByAModeratorOrHeldLeavesSimilarStoriesAtOnceAndComesBackWhenRestored() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created cat = members.mother();
        TestMembers.Created bob = members.father();
        Post first = indexed(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        Post again = indexed(cat, StoriesForTests.NO_BOND_AGAIN, "COMMUNITY", 2);
        assertThat(similarFor(first.id(), bob)).contains(again.id());

        assertThat(stories.hide("POST", again.id(), false)).isTrue();
        // At once, before the event reaches the index: the community's answer leaves it out.
        assertThat(similarFor(first.id(), bob)).doesNotContain(again.id());
        eventually("the hidden post leaves the index", () -> index.find(again.id()).isEmpty());
        String api = mvc.perform(get("/api/posts/" + first.id() + "/similar").with(user(bob.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain(again.id().toString());

        assertThat(stories.restore("POST", again.id())).isTrue();
        eventually("the restored post is back in the index", () -> index.find(again.id()).isPresent());
        assertThat(similarFor(first.id(), bob)).contains(again.id());
    }

    @Test
    void anErasedWritersPostsLeaveTheIndexOrLoseTheirWriter() throws Exception {
        TestMembers.Created gone = members.mother();
        TestMembers.Created kept = members.father();
        Post removed = indexed(gone, StoriesForTests.BIRTH_MEMORIES, "COMMUNITY", 1);
        Post anonymised = indexed(kept, StoriesForTests.DAD_LOW, "COMMUNITY", 4);
        accounts.erase(gone.id(), TestMembers.PASSWORD, app.village.accounts.ContentChoice.REMOVE);
        accounts.erase(kept.id(), TestMembers.PASSWORD, app.village.accounts.ContentChoice.ANONYMISE);
        eventually("the removed writer's post to leave the index", () -> index.find(removed.id()).isEmpty());
        eventually("the anonymised post to be filed without its writer", () -> index.idsByAuthor(kept.id()).isEmpty());
        assertThat(index.find(anonymised.id())).isPresent();
        TestMembers.Created bob = members.father();
        assertThat(similar.search(new StorySearch("flat numb " + marker, List.of(), null, null, null, false, 1), bob.id()).stories())
                .filteredOn(s -> s.postId().equals(anonymised.id())).singleElement()
                .extracting(SimilarStory::writerRole).isEqualTo("unknown");
    }

    @Test
    void rebuildFillsTheIndexFromTheDatabase() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post first = indexed(ann, StoriesForTests.DROP_OFF, "COMMUNITY", 18);
        Post second = indexed(ann, StoriesForTests.FEEDING_PAIN, "PRIVATE", 1);
        UUID stale = UUID.randomUUID();
        index.put(new app.village.discovery.index.IndexedStory(stale, UUID.randomUUID(), "Not in the database", "Gone long ago.",
                null, "mother", true, List.of(), Instant.now(), 0, index.find(first.id()).orElseThrow().vector()));
        index.removeAll(List.of(first.id(), second.id()));

        RebuildCommand command = new RebuildCommand(indexer, index);
        command.run(new DefaultApplicationArguments("discovery", "rebuild"));
        assertThat(command.getExitCode()).isZero();
        assertThat(index.find(first.id())).get().extracting(StoryIndex.Entry::listed).isEqualTo(true);
        assertThat(index.find(second.id())).get().extracting(StoryIndex.Entry::listed).isEqualTo(false);
        assertThat(index.find(stale)).isEmpty();
        assertThat(similar.search(new StorySearch("nursery drop-off " + marker, List.of(), null, null, null, false, 1), bob.id()).stories())
                .extracting(SimilarStory::postId).contains(first.id()).doesNotContain(second.id());

        RebuildCommand wrong = new RebuildCommand(indexer, index);
        wrong.run(new DefaultApplicationArguments("discovery", "rebuilt"));
        assertThat(wrong.getExitCode()).isEqualTo(2);
    }

    @Test
    void badParametersAreRefusedNamingTheField() throws Exception {
        TestMembers.Created bob = members.father();
        UUID post = publish(members.mother(), StoriesForTests.ARGUING, "COMMUNITY", null).id();
        String[][] cases = {
                {"/api/posts/" + post + "/similar", "limit", "abc", "limit"},
                {"/api/posts/" + post + "/similar", "limit", "0", "limit"},
                {"/api/posts/" + post + "/similar", "limit", "500", "limit"},
                {"/api/posts/" + post + "/similar", "mine", "perhaps", "mine"},
                {"/api/search", "minAge", "abc", "minAge"},
                {"/api/search", "minAge", "-1", "minAge"},
                {"/api/search", "maxAge", "999", "maxAge"},
                {"/api/search", "theme", "sadness", "theme"},
                {"/api/search", "role", "uncle", "role"},
                {"/api/search", "page", "0", "page"},
                {"/api/search", "page", "99999999999", "page"},
                {"/api/search", "q", "x".repeat(301), "q"},
                {"/api/search", "q", "bad\u0000byte", "q"},
        };
        for (String[] c : cases) {
            mvc.perform(get(c[0]).param(c[1], c[2]).with(user(bob.user())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.field").value(c[3]))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        mvc.perform(get("/api/search").param("minAge", "12").param("maxAge", "6").with(user(bob.user())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("maxAge"));
        mvc.perform(get("/api/posts/not-a-uuid/similar").with(user(bob.user()))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/posts/" + UUID.randomUUID() + "/similar").with(user(bob.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/search").param("q", "tired")).andExpect(status().isUnauthorized());
        mvc.perform(get("/stories/search").param("age", "5-500").with(user(bob.user()))).andExpect(status().isBadRequest());
        mvc.perform(get("/stories/search").param("theme", "<script>").with(user(bob.user()))).andExpect(status().isBadRequest());
        assertThatThrownBy(() -> similar.similarTo(UUID.randomUUID(), bob.id(), false, 5)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> similar.search(new StorySearch(null, List.of(), null, null, null, false, 0), bob.id()))
                .isInstanceOf(InvalidInputException.class);
    }
}
