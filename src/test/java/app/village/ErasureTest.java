package app.village;

import static app.village.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.discovery.index.StoryIndex;
import app.village.platform.VillageProperties;
import app.village.safety.SafetyTexts;
import app.village.safety.queue.Moderation;
import app.village.safety.queue.QueueItem;
import app.village.support.TestMembers;
import app.village.support.Traces;
import app.village.support.VillageIntegrationTest;

/**
 * A member who erases their account choosing to delete what they wrote leaves no word behind: a marker
 * written into their posts, replies (urgent, held, private, edited, reported, quoted by others), reports,
 * journal and the moderators' messages to them is found, before the erasure, in the tables and the story
 * index; after it, in no column of any table and nowhere in the index, deleted documents included, nor in
 * the raw bytes of its files. The moderators' queue keeps its items and says the text was erased.
 */
@VillageIntegrationTest
class ErasureTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired Moderation moderation;
    @Autowired StoryIndex index;
    @Autowired VillageProperties village;
    @Autowired JdbcClient jdbc;

    /** Lower case and digits: one token, unchanged by the index's English analyser. */
    private final String marker = "qzerase" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

    @Test
    void deletingWhatTheyWroteLeavesNoWordOfItInAnyTableOrIndexFile() throws Exception {
        TestMembers.Created writer = members.mother();
        TestMembers.Created other = members.father();
        TestMembers.Created moderator = members.withRole("MODERATOR");
        Post othersPost = publish(other, "Sleepless with twins", "The twins wake in turns and I am running on empty.", "COMMUNITY");
        // Other parents' stories, so the erased ones share their segment of the index with many live ones (as they
        // would in use) and no merge Lucene makes of its own accord removes them: only expunging does.
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            others.add(publish(other, "Evening number " + i, "On evening " + i + " the baby settled after " + (i % 7 + 1)
                    + " songs and we both slept a little.", "COMMUNITY").id());
        }

        Post calm = publish(writer, "A better week " + marker,
                "Feeding is going better this week and " + marker + " is the word she giggles at.", "COMMUNITY");
        Post urgent = publish(writer, SafetyTexts.URGENT_TITLE + " " + marker,
                "Most nights lately " + marker + " I lie awake thinking about ending my life. "
                        + "I have started to think about how I would do it while everyone sleeps.", "COMMUNITY");
        Post held = publish(writer, SafetyTexts.HELD_TITLE + " " + marker,
                "When she screams for hours " + marker + " I get the urge to shake her hard and I am scared "
                        + "I will actually hurt her. I have had to walk out of the room twice this week.", "COMMUNITY");
        Post mine = publish(writer, "Only for me " + marker, "Some days " + marker + " is all I can think about.", "PRIVATE");
        Post edited = publish(writer, "First draft " + marker, "A first version that says " + marker + " once.", "COMMUNITY");
        community.edit(writer.id(), edited.id(), 0, new PostDraft("Second draft " + marker,
                "A second version that says " + marker + " again.", "COMMUNITY", null, null, null));

        UUID urgentReply = community.reply(writer.id(), othersPost.id(), "Most nights lately " + marker
                + " I lie awake thinking about ending my life. I have started to think about how I would do it.", null);
        UUID ownReply = community.reply(writer.id(), calm.id(), "Thank you all, " + marker + " to you too.", null);
        UUID quotingReply = community.reply(other.id(), calm.id(), "When you wrote " + marker + " I smiled for the first time today.", null);
        UUID laterReply = community.reply(writer.id(), calm.id(), "And one more thing: " + marker + " again.", null);

        community.report(other.id(), "POST", calm.id(), "OTHER", "They wrote " + marker + " and I was not sure.");
        community.report(other.id(), "REPLY", urgentReply, "RISK_OF_HARM", "The words " + marker + " worried me.");
        community.report(writer.id(), "POST", othersPost.id(), "UNKIND", "I did not like it, " + marker + ".");
        journal(writer);

        List<UUID> texts = List.of(calm.id(), urgent.id(), held.id(), mine.id(), edited.id(), urgentReply, ownReply, quotingReply,
                laterReply);
        for (UUID text : texts) {
            eventually("a reading of " + text, () -> jdbc.sql("SELECT text_version FROM insights WHERE subject_id = ?")
                    .param(text).query(Integer.class).optional().filter(v -> !text.equals(edited.id()) || v == 1).orElse(null));
        }
        UUID urgentItem = eventually("the urgent post's item", () -> item(urgent.id(), "READING"));
        UUID heldItem = eventually("the held post's item", () -> item(held.id(), "READING"));
        UUID replyItem = eventually("the urgent reply's item", () -> item(urgentReply, "READING"));
        UUID reportItem = eventually("the report's item", () -> item(calm.id(), "REPORT"));
        eventually("the held post hidden", () -> community.hiddenState("POST", held.id()).filter(h -> h.held()).orElse(null));
        List<UUID> filed = new ArrayList<>(others);
        filed.addAll(List.of(calm.id(), urgent.id(), mine.id(), edited.id()));
        for (UUID post : filed) {
            // Filed with its themes: no later re-filing moves it out of the segment the compaction below makes.
            eventually("post " + post + " filed with its themes", () -> jdbc.sql("SELECT text_version FROM discovery_post_themes WHERE post_id = ?")
                    .param(post).query(Integer.class).optional().filter(v -> !post.equals(edited.id()) || v == 1)
                    .flatMap(v -> index.find(post)).filter(e -> !post.equals(edited.id()) || e.version() == 1).orElse(null));
        }
        eventually("the stories in one large segment", () -> {
            index.compact();
            return Traces.smallestSegmentWith(indexFolder(), marker) >= others.size() ? true : null;
        });

        QueueItem item = moderation.claim(moderator.user(), urgentItem, moderation.row(moderator.user(), urgentItem).item().version(), false);
        moderation.message(moderator.user(), urgentItem, item.version(), "You wrote " + marker + ". We are here, and you can call 116 123.");
        String itemPage = page(moderator, "/moderation/items/" + urgentItem);
        assertThat(itemPage).as("the moderator sees the evidence before the erasure").contains(marker);

        // The search finds the marker where it was written, so finding it nowhere afterwards means something.
        assertThat(Traces.inDatabase(jdbc, marker)).as("before the erasure").anyMatch(t -> t.startsWith("posts.body"))
                .anyMatch(t -> t.startsWith("replies.body")).anyMatch(t -> t.startsWith("insights.insight"))
                .anyMatch(t -> t.startsWith("reports.details")).anyMatch(t -> t.startsWith("safety_messages.body"))
                .anyMatch(t -> t.startsWith("journal_entries.body")).anyMatch(t -> t.startsWith("journal_entries.search"))
                .anyMatch(t -> t.startsWith("journal_check_ins.note"));
        assertThat(Traces.textColumns(jdbc)).as("every table's text columns are searched")
                .contains("spring_session_attributes.attribute_bytes (bytea)", "event_publication.serialized_event (text)",
                        "safety_items.outcome (text)", "insights.themes (ARRAY)");
        Path indexFolder = indexFolder();
        assertThat(Traces.inIndex(indexFolder, marker)).as("in the story index before the erasure")
                .anyMatch(t -> t.startsWith("term text:")).anyMatch(t -> t.startsWith("stored text of live"))
                .anyMatch(t -> t.startsWith("bytes of file"));

        mvc.perform(delete("/api/me").with(user(writer.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + TestMembers.PASSWORD + "\",\"contentChoice\":\"REMOVE\"}"))
                .andExpect(status().isNoContent());

        List<String> leftInDatabase = eventuallyEmpty(() -> Traces.inDatabase(jdbc, marker));
        assertThat(leftInDatabase).as("the marker in the database after the erasure").isEmpty();
        List<String> leftInIndex = eventuallyEmpty(() -> Traces.inIndex(indexFolder, marker));
        assertThat(leftInIndex).as("the marker in the story index after the erasure").isEmpty();
        Traces.Counts counts = Traces.counts(indexFolder);
        assertThat(counts.maxDoc()).as("deleted documents expunged: every document in the index is live").isEqualTo(counts.numDocs());

        // The queue keeps its items, resolved, and says in plain words what happened; the evidence is gone.
        for (UUID id : List.of(urgentItem, heldItem, replyItem, reportItem)) {
            String after = page(moderator, "/moderation/items/" + id);
            assertThat(after).as("item " + id).contains("The writer erased this text").doesNotContain(marker);
            QueueItem now = moderation.row(moderator.user(), id).item();
            assertThat(now.textErased()).isTrue();
            assertThat(now.open()).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE item_id = ? AND action = 'TEXT_ERASED'").param(id)
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(page(moderator, "/moderation")).doesNotContain(marker);
        assertThat(mvc.perform(get("/api/moderation/queue").with(user(moderator.user()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(marker);
        // What others wrote outside the erased threads stays; their reports stay, without words about erased texts.
        assertThat(community.postText(othersPost.id())).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM reports WHERE target_id IN (?, ?, ?)").params(calm.id(), urgentReply, othersPost.id())
                .query(Long.class).single()).isEqualTo(3);
    }

    private Path indexFolder() {
        return village.dataDir().toAbsolutePath().resolve("index");
    }

    private Post publish(TestMembers.Created who, String title, String body, String visibility) {
        return community.publishPost(who.id(), new PostDraft(title, body, visibility, null, null, null));
    }

    private void journal(TestMembers.Created who) throws Exception {
        mvc.perform(post("/api/journal/entries").with(user(who.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Private thoughts about " + marker + " tonight.\"}")).andExpect(status().isCreated());
        mvc.perform(put("/api/journal/check-ins/" + LocalDate.now(ZoneOffset.UTC)).with(user(who.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mood\":4,\"timeZone\":\"UTC\",\"note\":\"A note with " + marker + " in it.\"}"))
                .andExpect(status().isCreated());
    }

    private UUID item(UUID subject, String source) {
        return jdbc.sql("SELECT id FROM safety_items WHERE subject_id = ? AND source = ? ORDER BY created_at LIMIT 1")
                .params(subject, source).query(UUID.class).optional().orElse(null);
    }

    private String page(TestMembers.Created who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }


    /** What is left once nothing more goes within 60 s (erasure's work after the commit runs in the background). */
    private static List<String> eventuallyEmpty(Supplier<List<String>> left) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<String> now = new ArrayList<>(left.get());
        while (!now.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            now = new ArrayList<>(left.get());
        }
        return now;
    }
}
