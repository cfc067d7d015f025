package app.village.understanding.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.support.RecordedEvents;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import app.village.understanding.RiskLevel;

@VillageIntegrationTest
class UnderstandingIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired JdbcClient jdbc;
    @Autowired RecordedEvents events;

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s for the post to be read").isBefore(until);
            Thread.sleep(100);
        }
    }

    private String risk(UUID postId) {
        return jdbc.sql("SELECT risk_level FROM insights WHERE subject_kind = 'POST' AND subject_id = ?").param(postId)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void aPublishedPostIsReadInTheBackgroundAndItsWriterSeesWhatWeHeard() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        Post post = community.publishPost(ann.id(), new PostDraft("No bond yet",
                "My son is 10 months and I still don't feel a bond with him. I let my partner handle his crying.",
                "COMMUNITY", null, null, null));
        eventually(() -> risk(post.id()) != null);
        assertThat(risk(post.id())).isEqualTo("moderate");
        assertThat(events.understood()).anySatisfy(e -> {
            assertThat(e.subjectId()).isEqualTo(post.id());
            assertThat(e.riskLevel()).isEqualTo(RiskLevel.MODERATE);
            assertThat(e.reasonCodes()).contains("bonding_difficulty");
        });

        String writerPage = mvc.perform(get("/posts/" + post.id()).with(user(ann.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(writerPage).contains("What we heard").contains("Bonding with the baby").contains("not a diagnosis");
        String otherPage = mvc.perform(get("/posts/" + post.id()).with(user(bob.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(otherPage).doesNotContain("What we heard");
    }

    @Test
    void anEditIsReadAgainAndAnUrgentReadingIsPublished() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = community.publishPost(ann.id(), new PostDraft("Nights", "Up every two hours, so tired.", null, null, null, null));
        eventually(() -> risk(post.id()) != null);
        community.edit(ann.id(), post.id(), 0, new PostDraft("Nights",
                "Up every two hours. Some nights I think everyone would be better off without me.", null, null, null, null));
        eventually(() -> "urgent".equals(risk(post.id())));
        assertThat(jdbc.sql("SELECT text_version FROM insights WHERE subject_id = ?").param(post.id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(events.understood()).anySatisfy(e -> {
            assertThat(e.subjectId()).isEqualTo(post.id());
            assertThat(e.riskLevel()).isEqualTo(RiskLevel.URGENT);
            assertThat(e.reasonCodes()).containsExactly("self_harm");
        });
    }

    @Test
    void theAnalyzeApiReturnsTheInsightAndRefusesBadInput() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(post("/api/analyze").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"My 5 month old has colic and screams for hours. I feel so alone.\",\"role\":\"mother\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.writer.role").value("mother"))
                .andExpect(jsonPath("$.child.ageMonths").value(5))
                .andExpect(jsonPath("$.risk.level").value("low"))
                .andExpect(jsonPath("$.themes[*].code").value(org.hamcrest.Matchers.hasItems("infant_crying", "isolation")));
        mvc.perform(post("/api/analyze").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"   \"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"));
        mvc.perform(post("/api/analyze").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\",\"childAgeMonths\":-3}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello there\"}"))
                .andExpect(status().isUnauthorized());
    }
}
