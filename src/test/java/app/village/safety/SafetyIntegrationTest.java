package app.village.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.platform.ConflictException;
import app.village.safety.queue.Intake;
import app.village.safety.queue.Moderation;
import app.village.safety.queue.QueueItem;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import app.village.understanding.PostUnderstood;
import app.village.understanding.RiskLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The risk policy acting on real readings of real posts, the queue and its actions, and the audit, on the real database. */
@VillageIntegrationTest
class SafetyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired JdbcClient jdbc;
    @Autowired Moderation moderation;
    @Autowired Intake intake;
    @Autowired SafetySignals signals;

    private static <T> T eventually(Supplier<T> value) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        T v;
        while ((v = value.get()) == null) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(until);
            Thread.sleep(50);
        }
        return v;
    }

    private String assessed(UUID subjectId) {
        return jdbc.sql("SELECT level FROM safety_assessments WHERE subject_id = ?").param(subjectId).query(String.class).optional().orElse(null);
    }

    private List<QueueItem> items(UUID subjectId) {
        return jdbc.sql("SELECT id FROM safety_items WHERE subject_id = ?").param(subjectId).query(UUID.class).list().stream()
                .map(id -> moderation.row(members.withRole("MODERATOR").user(), id).item()).toList();
    }

    private Post publish(TestMembers.Created who, String title, String body, String visibility) {
        return community.publishPost(who.id(), new PostDraft(title, body, visibility, null, null, null));
    }

    private String page(TestMembers.Created who, String path, String language) throws Exception {
        return mvc.perform(get(path).with(user(who.user())).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anUrgentPostIsPublishedQueuedFirstAndItsWriterSeesTheCrisisHelpOfTheirCountry() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM, "COMMUNITY");
        assertThat(eventually(() -> assessed(post.id()))).isEqualTo("urgent");

        List<QueueItem> queued = items(post.id());
        assertThat(queued).singleElement().satisfies(i -> {
            assertThat(i.level()).isEqualTo(RiskLevel.URGENT);
            assertThat(i.band()).isEqualTo("urgent");
            assertThat(i.memberId()).isEqualTo(ann.id());
            assertThat(i.reasons()).contains("self_harm@writer");
        });
        // Published: silence is worse. Another parent reads it.
        TestMembers.Created bob = members.father();
        assertThat(page(bob, "/posts/" + post.id(), "en-GB")).contains(html(SafetyTexts.URGENT_TITLE));

        String writerPage = page(ann, "/posts/" + post.id(), "en-GB,en;q=0.8");
        JsonNode status = JSON.readTree(page(ann, "/api/safety/support/posts/" + post.id(), "en-GB"));
        assertThat(status.path("pending").asBoolean()).isFalse();
        assertThat(status.path("crisis").asBoolean()).isTrue();
        assertThat(status.path("held").asBoolean()).isFalse();
        assertThat(writerPage).contains("id=\"writer-support\"").contains("You don't have to carry this alone")
                .contains("tel:116123").contains("data-country=\"GB\"");
        assertThat(writerPage.substring(writerPage.indexOf("id=\"writer-support\"") - 200, writerPage.indexOf("id=\"writer-support\"")))
                .doesNotContain("hidden");
        assertThat(page(ann, "/posts/" + post.id(), "en-AU")).contains("data-country=\"AU\"").contains("13 11 14");
        // Another parent's page about the same post never shows the writer's help.
        mvc.perform(get("/api/safety/support/posts/" + post.id()).with(user(bob.user()))).andExpect(status().isNotFound());
    }

    @Test
    void aMembersChosenCountryComesBeforeTheirBrowsersLanguage() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM, "PRIVATE");
        eventually(() -> assessed(post.id()));
        assertThat(page(ann, "/posts/" + post.id(), "en-US")).contains("data-country=\"US\"");
        mvc.perform(post("/help/country").with(user(ann.user())).with(csrf()).param("country", "nz"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(ann, "/posts/" + post.id(), "en-US")).contains("data-country=\"NZ\"");
        assertThat(page(ann, "/help", "en-US")).contains("data-country=\"NZ\"");
        // An explicit choice on the page still wins, and nonsense is refused without changing anything.
        assertThat(page(ann, "/posts/" + post.id() + "?country=IE", "en-US")).contains("data-country=\"IE\"");
        mvc.perform(post("/help/country").with(user(ann.user())).with(csrf()).param("country", "<script>"))
                .andExpect(status().isBadRequest());
        assertThat(page(ann, "/help", "en-US")).contains("data-country=\"NZ\"");
    }

    @Test
    void harmToTheChildIsHeldHiddenFromOtherParentsEverywhereAndTheWriterIsToldWhy() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post post = publish(ann, SafetyTexts.HELD_TITLE, SafetyTexts.URGENT_HARM_TO_CHILD, "COMMUNITY");
        assertThat(eventually(() -> assessed(post.id()))).isEqualTo("urgent");
        assertThat(community.hiddenState("POST", post.id()).orElseThrow().held()).isTrue();

        mvc.perform(get("/posts/" + post.id()).with(user(bob.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/posts/" + post.id()).with(user(bob.user()))).andExpect(status().isNotFound());
        assertThat(page(bob, "/feed", "en-US")).doesNotContain(post.id().toString());
        assertThat(mvc.perform(get("/api/posts").with(user(bob.user()))).andReturn().getResponse().getContentAsString())
                .doesNotContain(post.id().toString());
        mvc.perform(post("/posts/" + post.id() + "/replies").with(user(bob.user())).with(csrf()).param("body", "hello"))
                .andExpect(status().isNotFound());

        String writerPage = page(ann, "/posts/" + post.id(), "en-US");
        assertThat(writerPage).contains("Your post is waiting for a moderator").contains("You did nothing wrong")
                .contains("988").contains(SafetyTexts.HELD_TITLE);
        assertThat(page(ann, "/feed", "en-US")).contains(post.id().toString());
        assertThat(JSON.readTree(page(ann, "/api/posts/" + post.id(), "en-US")).path("post").path("hidden").asString()).isEqualTo("held");

        QueueItem item = items(post.id()).getFirst();
        TestMembers.Created mod = members.withRole("MODERATOR");
        Moderation.Detail detail = moderation.open(mod.user(), item.id());
        assertThat(detail.held()).isTrue();
        assertThat(detail.bodyPieces()).anySatisfy(p -> assertThat(p.reason()).isEqualTo("harm_to_child"));
        assertThat(actions(item.id())).containsSubsequence("HOLD", "VIEW_HELD");
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE action = 'HOLD' AND subject_id = ?").param(post.id())
                .query(Long.class).single()).isEqualTo(1);
        // A moderator reads it too, and may restore it.
        assertThat(page(mod, "/posts/" + post.id(), "en-US")).contains(SafetyTexts.HELD_TITLE);
        QueueItem claimed = moderation.claim(mod.user(), item.id(), detail.row().item().version(), false);
        moderation.restore(mod.user(), item.id(), claimed.version());
        assertThat(page(bob, "/posts/" + post.id(), "en-US")).contains(SafetyTexts.HELD_TITLE);
        assertThat(actions(item.id())).contains("CLAIM", "RESTORE");
    }

    @Test
    void aPrivateUrgentPostShowsItsWriterTheCrisisPanelButAlertsNobody() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM, "PRIVATE");
        assertThat(eventually(() -> assessed(post.id()))).isEqualTo("urgent");
        assertThat(items(post.id())).isEmpty();
        JsonNode status = JSON.readTree(page(ann, "/api/safety/support/posts/" + post.id(), "en-IE"));
        assertThat(status.path("crisis").asBoolean()).isTrue();
        assertThat(status.path("queued").asBoolean()).isFalse();
        assertThat(page(ann, "/posts/" + post.id(), "en-IE")).contains("data-country=\"IE\"").contains("50808");
    }

    @Test
    void highPostsAreQueuedWithSpecificStepsAndModerateOnesAreNot() throws Exception {
        TestMembers.Created ann = members.mother();
        Post partner = publish(ann, SafetyTexts.PARTNER_TITLE, SafetyTexts.HIGH_PARTNER, "COMMUNITY");
        Post calm = publish(ann, SafetyTexts.CALM_TITLE, SafetyTexts.CALM, "COMMUNITY");
        assertThat(eventually(() -> assessed(partner.id()))).isEqualTo("high");
        assertThat(eventually(() -> assessed(calm.id()))).isEqualTo("none");
        assertThat(items(partner.id())).singleElement().satisfies(i -> assertThat(i.band()).isEqualTo("high"));
        assertThat(items(calm.id())).isEmpty();
        JsonNode status = JSON.readTree(page(ann, "/api/safety/support/posts/" + partner.id(), "en-GB"));
        assertThat(status.path("crisis").asBoolean()).isFalse();
        assertThat(status.path("queued").asBoolean()).isTrue();
        assertThat(status.path("targetText").asString()).isEqualTo("4 h 00 min");
        assertThat(status.path("steps").toString()).contains("partner_help").contains("step_away");
        assertThat(page(ann, "/posts/" + partner.id(), "en-GB")).contains("Help for your partner").contains("Put the baby down safely");
        assertThat(JSON.readTree(page(ann, "/api/safety/support/posts/" + calm.id(), "en-GB")).path("steps")).isEmpty();
    }

    @Test
    void theQueueIsOrderedByLevelThenWaitingTimeAndReportedRepliesJoinIt() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post high = publish(ann, SafetyTexts.HIGH_TITLE, SafetyTexts.HIGH_CRYING_ANGER, "COMMUNITY");
        assertThat(eventually(() -> assessed(high.id()))).isEqualTo("high");
        Post calm = publish(bob, SafetyTexts.CALM_TITLE, SafetyTexts.CALM, "COMMUNITY");
        UUID reply = community.replyTo(ann.id(), calm.id(), "You are doing fine, honestly.", null).id();
        community.report(bob.id(), "REPLY", reply, "UNKIND", "felt dismissive");
        Post urgent = publish(bob, SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM, "COMMUNITY");
        assertThat(eventually(() -> assessed(urgent.id()))).isEqualTo("urgent");
        eventually(() -> items(reply).isEmpty() ? null : true);

        TestMembers.Created mod = members.withRole("MODERATOR");
        JsonNode queue = JSON.readTree(mvc.perform(get("/api/moderation/queue").with(user(mod.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<String> order = queue.valueStream().map(n -> n.path("subjectId").asString()).toList();
        int u = order.indexOf(urgent.id().toString());
        int h = order.indexOf(high.id().toString());
        int r = order.indexOf(reply.toString());
        assertThat(u).isNotNegative();
        assertThat(h).isGreaterThan(u);
        assertThat(r).isGreaterThan(h);
        List<String> bands = queue.valueStream().map(n -> n.path("band").asString()).toList();
        assertThat(bands).isSortedAccordingTo(java.util.Comparator.comparingInt(b -> List.of("urgent", "high", "report").indexOf(b)));
        JsonNode reportItem = queue.get(r);
        assertThat(reportItem.path("source").asString()).isEqualTo("REPORT");
        assertThat(reportItem.path("subjectKind").asString()).isEqualTo("REPLY");
        assertThat(reportItem.path("targetSeconds").asLong()).isEqualTo(24 * 3600);
        assertThat(reportItem.path("handle").asString()).isEqualTo(ann.member().handle());
        assertThat(queue.toString()).doesNotContain("@example.org");
        String pageHtml = page(mod, "/moderation", "en-GB");
        assertThat(pageHtml.indexOf(urgent.id().toString())).isLessThan(pageHtml.indexOf(high.id().toString()));
    }

    @Test
    void twoModeratorsCannotActOnOneItemWithoutSeeingEachOther() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.HIGH_TITLE, SafetyTexts.HIGH_CRYING_ANGER, "COMMUNITY");
        eventually(() -> assessed(post.id()));
        QueueItem item = items(post.id()).getFirst();
        TestMembers.Created one = members.withRole("MODERATOR");
        TestMembers.Created two = members.withRole("MODERATOR");

        QueueItem claimed = moderation.claim(one.user(), item.id(), item.version(), false);
        assertThatThrownBy(() -> moderation.claim(two.user(), item.id(), item.version(), false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("acted on this item");
        assertThatThrownBy(() -> moderation.claim(two.user(), item.id(), claimed.version(), false))
                .isInstanceOf(ConflictException.class).hasMessageContaining(one.member().handle());
        assertThatThrownBy(() -> moderation.resolve(two.user(), item.id(), claimed.version(), "done"))
                .isInstanceOf(ConflictException.class);
        mvc.perform(post("/api/moderation/queue/" + item.id() + "/resolve").with(user(two.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + claimed.version() + ",\"outcome\":\"x\"}"))
                .andExpect(status().isConflict());
        // Two claims at the same moment: exactly one wins.
        QueueItem fresh = moderation.row(one.user(), item.id()).item();
        moderation.release(one.user(), item.id(), fresh.version());
        int version = moderation.row(one.user(), item.id()).item().version();
        List<Boolean> wins = java.util.stream.Stream.of(one, two).parallel().map(m -> {
            try {
                moderation.claim(m.user(), item.id(), version, false);
                return true;
            } catch (ConflictException e) {
                return false;
            }
        }).toList();
        assertThat(wins).containsExactlyInAnyOrder(true, false);

        QueueItem now = moderation.row(one.user(), item.id()).item();
        TestMembers.Created holder = now.claimedBy().equals(one.id()) ? one : two;
        moderation.changeLevel(holder.user(), item.id(), now.version(), "moderate", "Read with the writer: she has support at home.");
        QueueItem lowered = moderation.row(one.user(), item.id()).item();
        assertThat(lowered.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(lowered.automatedLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(jdbc.sql("SELECT reason FROM safety_overrides WHERE item_id = ?").param(item.id()).query(String.class).list())
                .containsExactly("Read with the writer: she has support at home.");
        moderation.message(holder.user(), item.id(), lowered.version(), "Thinking of you tonight. Here if you want to talk.");
        moderation.resolve(holder.user(), item.id(), lowered.version() + 1, "Supported privately; writer safe.");
        assertThat(actions(item.id())).containsExactly("CLAIM", "RELEASE", "CLAIM", "CHANGE_LEVEL", "MESSAGE_PRIVATE", "RESOLVE");

        // The private message: the writer reads it, nobody else does.
        String inbox = mvc.perform(get("/api/safety/messages").with(user(ann.user()))).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("Thinking of you tonight.");
        JsonNode export = JSON.readTree(mvc.perform(get("/api/me/export").with(user(ann.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).path("safety");
        assertThat(export.path("messagesFromModerators").toString()).contains("Thinking of you tonight.");
        assertThat(export.path("readingsOfYourTexts").toString()).contains(post.id().toString()).contains("high");
        TestMembers.Created other = members.father();
        assertThat(mvc.perform(get("/api/safety/messages").with(user(other.user()))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Thinking of you tonight.");
    }

    @Test
    void parentsGet403AndOnlyAdminsReadTheAuditWhichNobodyCanChange() throws Exception {
        TestMembers.Created parent = members.mother();
        TestMembers.Created mod = members.withRole("MODERATOR");
        TestMembers.Created admin = members.withRole("ADMIN");
        mvc.perform(get("/moderation").with(user(parent.user()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/moderation/queue").with(user(parent.user()))).andExpect(status().isForbidden());
        mvc.perform(get("/moderation").with(user(mod.user()))).andExpect(status().isOk());
        mvc.perform(get("/admin/audit").with(user(mod.user()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/audit").with(user(mod.user()))).andExpect(status().isForbidden());
        mvc.perform(get("/moderation").with(user(admin.user()))).andExpect(status().isOk());

        Post post = publish(parent, SafetyTexts.HIGH_TITLE, SafetyTexts.HIGH_CRYING_ANGER, "COMMUNITY");
        eventually(() -> assessed(post.id()));
        QueueItem item = items(post.id()).getFirst();
        moderation.claim(mod.user(), item.id(), item.version(), false);
        String audit = mvc.perform(get("/api/admin/audit").with(user(admin.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).contains(item.id().toString()).contains("CLAIM").contains(mod.member().handle());
        assertThat(page(admin, "/admin/audit", "en-GB")).contains("CLAIM");

        assertThatThrownBy(() -> jdbc.sql("UPDATE safety_audit SET action = 'NOTHING'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM safety_audit").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE action = 'NOTHING'").query(Long.class).single()).isZero();
    }

    @Test
    void aReadingOrSignalDeliveredTwiceQueuesOnceAndAnEditRaisesTheOpenItem() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.HIGH_TITLE, SafetyTexts.HIGH_CRYING_ANGER, "COMMUNITY");
        eventually(() -> assessed(post.id()));
        PostUnderstood again = new PostUnderstood("POST", post.id(), post.id(), ann.id(), 0, RiskLevel.HIGH,
                List.of("anger_irritability", "infant_crying"), List.of(), Instant.now());
        intake.onReading(again);
        intake.onReading(again);
        assertThat(items(post.id())).hasSize(1);

        community.edit(ann.id(), post.id(), 0, new PostDraft(SafetyTexts.HIGH_TITLE, SafetyTexts.URGENT_SELF_HARM, "COMMUNITY",
                null, null, null));
        eventually(() -> "urgent".equals(assessed(post.id())) ? true : null);
        assertThat(items(post.id())).singleElement().satisfies(i -> {
            assertThat(i.level()).isEqualTo(RiskLevel.URGENT);
            assertThat(i.textVersion()).isEqualTo(1);
        });

        UUID screening = UUID.randomUUID();
        SafetySignal signal = new SafetySignal("screening", screening, ann.id(), RiskLevel.URGENT, List.of("epds_item_10"), Instant.now());
        UUID first = signals.raise(signal);
        assertThat(signals.raise(signal)).isEqualTo(first);
        QueueItem raised = moderation.row(members.withRole("MODERATOR").user(), first).item();
        assertThat(raised.band()).isEqualTo("urgent");
        assertThat(raised.memberId()).isEqualTo(ann.id());
        assertThat(raised.hasText()).isFalse();
        // Earlier flags: the signal's item lists the post's.
        Moderation.Detail detail = moderation.open(members.withRole("MODERATOR").user(), first);
        assertThat(detail.earlier()).extracting(r -> r.item().subjectId()).contains(post.id());
        assertThatThrownBy(() -> new SafetySignal("Screening!", screening, ann.id(), RiskLevel.HIGH, List.of(), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputToActionsIsRefusedAndNothingIsWritten() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = publish(ann, SafetyTexts.HIGH_TITLE, SafetyTexts.HIGH_CRYING_ANGER, "COMMUNITY");
        eventually(() -> assessed(post.id()));
        QueueItem item = items(post.id()).getFirst();
        TestMembers.Created mod = members.withRole("MODERATOR");
        QueueItem claimed = moderation.claim(mod.user(), item.id(), item.version(), false);
        long before = jdbc.sql("SELECT count(*) FROM safety_audit").query(Long.class).single();
        mvc.perform(post("/api/moderation/queue/" + item.id() + "/level").with(user(mod.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + claimed.version() + ",\"level\":\"catastrophic\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/moderation/queue/" + item.id() + "/level").with(user(mod.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + claimed.version() + ",\"level\":\"low\",\"reason\":\"   \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/moderation/queue/" + item.id() + "/resolve").with(user(mod.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": \"nine\""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/moderation/queue/" + item.id() + "/message").with(user(mod.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + claimed.version() + ",\"body\":\"" + "x".repeat(5001) + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit").query(Long.class).single()).isEqualTo(before);
        assertThat(moderation.row(mod.user(), item.id()).item().version()).isEqualTo(claimed.version());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_overrides WHERE item_id = ?").param(item.id()).query(Long.class).single()).isZero();
    }

    private static String html(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }

    private List<String> actions(UUID itemId) {
        return jdbc.sql("SELECT action FROM safety_audit WHERE item_id = ? ORDER BY id").param(itemId).query(String.class).list();
    }
}
