package app.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Urgent signals that do not come from a post reach the moderators' queue: a PHQ-9 with an answer
 * above zero on item 9 (whatever the total), and a member who asks a moderator to reach out from
 * their private journal. Neither puts the member's words in the queue.
 */
@VillageIntegrationTest
class SafetySignalsFromOtherModulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;

    @Test
    void anUrgentScreeningAnswerQueuesTheMemberOnceAsUrgent() throws Exception {
        TestMembers.Created ann = members.mother();
        StringBuilder answers = new StringBuilder();
        for (int item = 1; item <= 9; item++) {
            answers.append(item == 1 ? "" : ",").append("\"phq9-").append(item).append("\":\"")
                    .append(item == 9 ? "LA6569-3" : "LA6568-5").append('"');
        }
        String body = "{\"questionnaire\":\"phq-9\",\"version\":\"1.0.0\",\"answers\":{" + answers + "}}";
        String created = mvc.perform(post("/api/screenings").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(created).path("id").asString();
        // Private means private: the answer alone tells nobody, however long one waits for a listener.
        Thread.sleep(3_000);
        assertThat(queueFor(ann)).as("an urgent answer alone queues nothing").isEmpty();
        mvc.perform(get("/screening/results/" + id).with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ask a moderator to reach out to me")));

        mvc.perform(post("/screening/results/" + id + "/support-requests").with(user(ann.user())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/screenings/" + id + "/support-requests").with(user(ann.user())).with(csrf()))
                .andExpect(status().isCreated());
        JsonNode item = eventuallyQueued(ann);
        assertThat(item.path("level").asString()).isEqualTo("urgent");
        assertThat(item.path("source").asString()).isEqualTo("SIGNAL");
        Thread.sleep(1_000);
        assertThat(queueFor(ann)).as("asking twice queues once").hasSize(1);
        assertThat(item.toString()).doesNotContain("LA6569-3");
    }

    @Test
    void nobodyElseCanAskAboutSomeoneElsesScreening() throws Exception {
        TestMembers.Created owner = members.mother();
        TestMembers.Created other = members.father();
        StringBuilder answers = new StringBuilder();
        for (int item = 1; item <= 9; item++) {
            answers.append(item == 1 ? "" : ",").append("\"phq9-").append(item).append("\":\"LA6568-5\"");
        }
        String created = mvc.perform(post("/api/screenings").with(user(owner.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\":\"phq-9\",\"version\":\"1.0.0\",\"answers\":{" + answers + "}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(created).path("id").asString();
        mvc.perform(post("/api/screenings/" + id + "/support-requests").with(user(other.user())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void askingAModeratorFromTheJournalQueuesTheMemberWithoutTheEntry() throws Exception {
        TestMembers.Created bea = members.mother();
        String entry = "Up every two hours again. Some nights I think everyone would be better off without me.";
        String created = mvc.perform(post("/api/journal/entries").with(user(bea.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"" + entry + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(created).path("id").asString();
        assertThat(queueFor(bea)).as("private writing alerts nobody until the writer asks").isEmpty();
        mvc.perform(post("/api/journal/entries/" + id + "/support-requests").with(user(bea.user())).with(csrf()))
                .andExpect(status().isCreated());

        JsonNode item = eventuallyQueued(bea);
        assertThat(item.path("level").asString()).isEqualTo("urgent");
        assertThat(item.toString()).doesNotContain("better off");
    }

    private JsonNode eventuallyQueued(TestMembers.Created member) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            List<JsonNode> mine = queueFor(member);
            if (!mine.isEmpty()) {
                return mine.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Nothing queued for " + member.member().handle());
    }

    private List<JsonNode> queueFor(TestMembers.Created member) throws Exception {
        TestMembers.Created moderator = members.withRole("MODERATOR");
        JsonNode queue = JSON.readTree(mvc.perform(get("/api/moderation/queue").with(user(moderator.user())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String handle = member.member().handle();
        return queue.valueStream().filter(n -> handle.equals(n.path("handle").asString())).toList();
    }
}
