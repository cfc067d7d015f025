package app.village.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.safety.queue.Moderation;
import app.village.support.Eventually;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;

/**
 * The moderators' queue and its items read in plain words: no reason, report, signal or action code such as
 * {@code self_harm}, {@code phq9-item9-above-zero} or {@code MESSAGE_PRIVATE} on the page, in its text or its
 * tooltips. The API keeps the codes, for programs.
 */
@VillageIntegrationTest
class QueueInPlainWordsTest {

    /** Every code that may sit on an item: the themes, the screening and journal signals' own, reports, actions. */
    private static final List<String> CODES = codes();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired SafetySignals signals;
    @Autowired Moderation moderation;
    @Autowired JdbcClient jdbc;

    private static List<String> codes() {
        List<String> codes = new ArrayList<>(Arrays.stream(Theme.values()).map(Theme::code).toList());
        codes.addAll(List.of("phq9-item9-above-zero", "epds-item10-above-zero", "pbq-scale4-at-cutoff", "asked_for_support",
                "signal_screening", "signal_journal", "report_unkind", "report_risk_of_harm", "RISK_OF_HARM", "UNKIND",
                "CLAIM", "RELEASE", "MESSAGE_PRIVATE", "REPLY_PUBLIC", "CHANGE_LEVEL", "VIEW_HELD"));
        return codes;
    }

    /** What a moderator reads: the page's text and its tooltips. */
    private static String readable(String html) {
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("title=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", " ") + " "
                + String.join(" ", titles);
    }

    private static List<String> codesIn(String text) {
        return CODES.stream().filter(code -> Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(text).find())
                .toList();
    }

    private String page(TestMembers.Created who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theQueueAndItsItemsShowWordsNeverCodes() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post urgent = community.publishPost(ann.id(), new PostDraft(SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM,
                "COMMUNITY", null, null, null));
        Post calm = community.publishPost(bob.id(), new PostDraft(SafetyTexts.CALM_TITLE, SafetyTexts.CALM, "COMMUNITY", null, null, null));
        UUID reply = community.replyTo(ann.id(), calm.id(), "You are doing fine, honestly.", null).id();
        community.report(bob.id(), "REPLY", reply, "UNKIND", "felt dismissive");
        UUID signal = signals.raise(new SafetySignal("screening", UUID.randomUUID(), ann.id(), RiskLevel.URGENT,
                List.of("phq9-item9-above-zero", "asked_for_support"), Instant.now()));
        List<UUID> items = new ArrayList<>(List.of(signal));
        items.add(Eventually.eventually("the urgent post queued", () -> itemOf(urgent.id())));
        items.add(Eventually.eventually("the report queued", () -> itemOf(reply)));

        TestMembers.Created mod = members.withRole("MODERATOR");
        var claimed = moderation.row(mod.user(), signal).item();
        moderation.claim(mod.user(), signal, claimed.version(), false);

        String queue = page(mod, "/moderation");
        assertThat(queue).contains(urgent.id().toString());
        assertThat(codesIn(readable(queue))).as("codes on the queue page").isEmpty();
        assertThat(readable(queue)).contains("thoughts of self-harm or suicide");
        for (UUID item : items) {
            String html = page(mod, "/moderation/items/" + item);
            assertThat(codesIn(readable(html))).as("codes on item " + item).isEmpty();
        }
        String signalPage = readable(page(mod, "/moderation/items/" + signal));
        assertThat(signalPage).contains("PHQ-9 answer about self-harm").contains("asked a moderator to reach out").contains("claimed");

        // Programs still get the codes.
        String api = mvc.perform(get("/api/moderation/queue").with(user(mod.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("phq9-item9-above-zero").contains("self_harm");
    }

    private UUID itemOf(UUID subjectId) {
        return jdbc.sql("SELECT id FROM safety_items WHERE subject_id = ?").param(subjectId).query(UUID.class).optional().orElse(null);
    }
}
