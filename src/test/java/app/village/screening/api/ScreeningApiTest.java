package app.village.screening.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import app.village.screening.ScreeningFixtures;
import app.village.screening.core.Instrument;
import app.village.screening.domain.Instruments;
import app.village.support.RecordedEvents;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** The screening API and pages on the whole application and a real PostgreSQL. */
@VillageIntegrationTest
class ScreeningApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @Autowired Instruments instruments;
    @Autowired RecordedEvents events;

    private MockHttpServletRequestBuilder submit(TestMembers.Created as, String body) {
        return post("/api/screenings").with(user(as.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String body(String questionnaire, String version, Map<String, String> answers) {
        return JSON.writeValueAsString(Map.of("questionnaire", questionnaire, "version", version, "answers", answers));
    }

    private long count(UUID member) {
        return jdbc.sql("SELECT count(*) FROM screenings WHERE member_id = ?").param(member).query(Long.class).single();
    }

    private Instrument phq9() {
        return instruments.get("phq-9");
    }

    @Test
    void aPhq9WithItem9AboveZeroIsStoredScoredAndAnnouncedAsUrgent() throws Exception {
        TestMembers.Created ann = members.mother();
        Map<String, String> answers = ScreeningFixtures.byPosition(phq9(), 1, 2, 0, 3, 1, 0, 2, 1, 1);
        String response = mvc.perform(submit(ann, body("phq-9", "1.0.0", answers)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.result.scales[0].score").value(11))
                .andExpect(jsonPath("$.result.scales[0].band").value("moderate"))
                .andExpect(jsonPath("$.result.scales[0].cutOffs[0].reached").value(true))
                .andExpect(jsonPath("$.result.urgent").value(true))
                .andExpect(jsonPath("$.result.reasonCodes[0]").value("phq9-item9-above-zero"))
                .andExpect(jsonPath("$.result.version").value("1.0.0"))
                .andExpect(jsonPath("$.reading.headline").value("Your answers suggest you may be depressed."))
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(response, "$.id"));
        assertThat(events.screenings()).filteredOn(e -> e.screeningId().equals(id)).singleElement().satisfies(e -> {
            assertThat(e.memberId()).isEqualTo(ann.id());
            assertThat(e.instrument()).isEqualTo("phq-9");
            assertThat(e.urgent()).isTrue();
            assertThat(e.reasonCodes()).containsExactly("phq9-item9-above-zero");
        });
        mvc.perform(get("/api/screenings").with(user(ann.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id.toString()));
        mvc.perform(get("/api/screenings/" + id).with(user(ann.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.answers.phq9-9").value("LA6569-3"));
        mvc.perform(get("/api/screenings/" + id + "/fhir").with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andExpect(jsonPath("$.resourceType").value("Bundle"))
                .andExpect(jsonPath("$.entry[0].resource.resourceType").value("QuestionnaireResponse"))
                .andExpect(jsonPath("$.entry[0].resource.questionnaire").value("https://village.invalid/fhir/Questionnaire/phq-9|1.0.0"))
                .andExpect(jsonPath("$.entry[1].resource.valueInteger").value(11))
                .andExpect(jsonPath("$.entry[1].resource.code.coding[0].code").value("44261-6"));
    }

    @Test
    void theFhirExportIsANamedFileAboutOnePseudonymousPatient() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created ben = members.father();
        List<String> subjects = new java.util.ArrayList<>();
        for (TestMembers.Created who : List.of(ann, ann, ben)) {
            String created = mvc.perform(submit(who, body("phq-9", "1.0.0", ScreeningFixtures.all(phq9(), 1))))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String id = JsonPath.read(created, "$.id");
            var answer = mvc.perform(get("/api/screenings/" + id + "/fhir").with(user(who.user())))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                            "attachment; filename=\"village-phq-9-\\d{4}-\\d{2}-\\d{2}\\.fhir\\.json\"")))
                    .andExpect(jsonPath("$.entry[0].resource.subject.reference").exists())
                    .andExpect(jsonPath("$.entry[1].resource.subject.reference").exists())
                    .andReturn().getResponse();
            String bundle = answer.getContentAsString();
            String subject = JsonPath.read(bundle, "$.entry[0].resource.subject.reference");
            assertThat(JsonPath.<List<String>>read(bundle, "$.entry[?(@.resource.resourceType == 'Patient')].fullUrl"))
                    .containsExactly(subject);
            assertThat(JsonPath.<List<Object>>read(bundle, "$.entry[?(@.resource.resourceType == 'Patient')].resource.name")).isEmpty();
            assertThat(bundle).doesNotContain(who.id().toString()).doesNotContain(who.email())
                    .doesNotContain(who.member().handle());
            subjects.add(subject);
        }
        assertThat(subjects.get(0)).as("one member's exports are about the same person").isEqualTo(subjects.get(1));
        assertThat(subjects.get(2)).as("another member is another person").isNotEqualTo(subjects.get(0));
    }

    @Test
    void aScreeningIsOnlyItsOwnersAnyoneElseHearsNotFound() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created ben = members.father();
        String response = mvc.perform(submit(ann, body("gad-7", "1.0.0", ScreeningFixtures.all(instruments.get("gad-7"), 0))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.id");
        mvc.perform(get("/api/screenings/" + id).with(user(ben.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/screenings/" + id + "/fhir").with(user(ben.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/screening/results/" + id).with(user(ben.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/screenings/" + id + "/fhir")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/screenings").with(user(ben.user()))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theQuestionnairesArePublicAsAFhirBundle() throws Exception {
        mvc.perform(get("/api/screenings/questionnaires"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andExpect(jsonPath("$.resourceType").value("Bundle"))
                .andExpect(jsonPath("$.entry.length()").value(4))
                .andExpect(jsonPath("$.entry[2].resource.id").value("phq-9"))
                .andExpect(jsonPath("$.entry[2].resource.item[9].text")
                        .value("Thoughts that you would be better off dead or of hurting yourself in some way"));
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsSaved() throws Exception {
        TestMembers.Created ann = members.mother();
        Map<String, String> good = ScreeningFixtures.all(phq9(), 0);
        java.util.LinkedHashMap<String, String> outOfRange = new java.util.LinkedHashMap<>(good);
        outOfRange.put("phq9-4", "LA6572-7");
        mvc.perform(submit(ann, body("phq-9", "1.0.0", outOfRange)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("answers.phq9-4"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not one of the answers to question 4")));
        java.util.LinkedHashMap<String, String> unknown = new java.util.LinkedHashMap<>(good);
        unknown.put("gad7-1", "LA6568-5");
        mvc.perform(submit(ann, body("phq-9", "1.0.0", unknown)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("answers.gad7-1"));
        mvc.perform(submit(ann, body("phq-9", "0.9.0", good)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("has changed since it was opened")));
        mvc.perform(submit(ann, "{\"questionnaire\":\"phq-9\",\"answers\":{}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
        mvc.perform(submit(ann, body("phq-9", "1.0.0", Map.of())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("answers"));
        mvc.perform(submit(ann, "{\"questionnaire\":\"phq-9\",\"version\":\"1.0.0\",\"answers\":{\"phq9-1\":3}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(submit(ann, "{\"questionnaire\":\"phq-9\",\"version\":")).andExpect(status().isBadRequest());
        mvc.perform(submit(ann, body("bdi", "1.0.0", good))).andExpect(status().isNotFound());
        mvc.perform(submit(ann, body("epds", "1.0.0", good)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("permission")));
        mvc.perform(submit(ann, body("phq-9", "1.0.0", good)).header("Idempotency-Key", "not-a-uuid"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(count(ann.id())).isZero();
    }

    @Test
    void aRepeatedSubmissionIsStoredAndAnnouncedOnce() throws Exception {
        TestMembers.Created ann = members.mother();
        String key = UUID.randomUUID().toString();
        String b = body("phq-9", "1.0.0", ScreeningFixtures.all(phq9(), 1));
        String first = JsonPath.read(mvc.perform(submit(ann, b).header("Idempotency-Key", key)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        String second = JsonPath.read(mvc.perform(submit(ann, b).header("Idempotency-Key", key)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(second).isEqualTo(first);
        assertThat(count(ann.id())).isEqualTo(1);
        assertThat(events.screenings()).filteredOn(e -> e.screeningId().toString().equals(first)).hasSize(1);
        mvc.perform(submit(ann, body("gad-7", "1.0.0", ScreeningFixtures.all(instruments.get("gad-7"), 1))).header("Idempotency-Key", key))
                .andExpect(status().isConflict());
        assertThat(count(ann.id())).isEqualTo(1);
    }

    @Test
    void anIncompleteAnswerSetIsKeptButNotInterpreted() throws Exception {
        TestMembers.Created ann = members.father();
        java.util.LinkedHashMap<String, String> answers = new java.util.LinkedHashMap<>(ScreeningFixtures.all(phq9(), 2));
        answers.remove("phq9-5");
        mvc.perform(submit(ann, body("phq-9", "1.0.0", answers)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.result.complete").value(false))
                .andExpect(jsonPath("$.result.unanswered[0]").value("phq9-5"))
                .andExpect(jsonPath("$.result.scales[0].score").doesNotExist())
                .andExpect(jsonPath("$.result.urgent").value(true))
                .andExpect(jsonPath("$.reading.headline").value(org.hamcrest.Matchers.startsWith("We can't give a score")));
    }

    @Test
    void thePagesTakeAQuestionnaireShowTheResultAndKeepAnswersOnAMistake() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(get("/screening").with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Why the EPDS is not here")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("25 statements, about 5 minutes")));
        mvc.perform(get("/screening/gad-7").with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<legend>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Feeling nervous, anxious, or on edge")));
        String key = UUID.randomUUID().toString();
        var partial = post("/screening/gad-7").with(user(ann.user())).with(csrf())
                .param("version", "1.0.0").param("submissionKey", key).param("gad7-1", "LA6570-1");
        mvc.perform(partial).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Please answer every question")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"LA6570-1\" id=\"q-gad7-1-2\" checked")));
        assertThat(count(ann.id())).isZero();
        var full = post("/screening/gad-7").with(user(ann.user())).with(csrf()).param("version", "1.0.0").param("submissionKey", key);
        ScreeningFixtures.all(instruments.get("gad-7"), 2).forEach(full::param);
        String location = mvc.perform(full).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/screening/results/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Your score is 14 out of 21 (moderate).")))
                // After a GAD-7 over its cut-off, guides about anxiety come with their reasons.
                .andExpect(content().string(org.hamcrest.Matchers.containsString("What might help")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/guides/")))
                .andExpect(content().string(org.hamcrest.Matchers.containsStringIgnoringCase("anxi")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("crisis-panel"))));
        mvc.perform(get("/screening/history").with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<svg")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("14 of 21")));
        var stale = post("/screening/gad-7").with(user(ann.user())).with(csrf()).param("version", "0.1").param("submissionKey",
                UUID.randomUUID().toString());
        ScreeningFixtures.all(instruments.get("gad-7"), 2).forEach(stale::param);
        mvc.perform(stale).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("has changed since it was opened")));
        assertThat(count(ann.id())).isEqualTo(1);
    }

    @Test
    void screeningsAreInTheExportAndGoneWithTheAccount() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(submit(ann, body("phq-9", "1.0.0", ScreeningFixtures.all(phq9(), 0)))).andExpect(status().isCreated());
        mvc.perform(get("/api/me/export").with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screening.screenings[0].instrument").value("phq-9"))
                .andExpect(jsonPath("$.screening.screenings[0].result.scales[0].score").value(0));
        mvc.perform(delete("/api/me").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + TestMembers.PASSWORD + "\",\"contentChoice\":\"REMOVE\"}"))
                .andExpect(status().isNoContent());
        assertThat(count(ann.id())).isZero();
    }

}
