package app.village.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import app.village.community.PostDraft;
import app.village.community.Stories;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import app.village.understanding.Insights;

/** The library pages, the JSON API, bad input, and "what might help" under a post, for its writer only. */
@VillageIntegrationTest
class GuidanceWebTest {

    private static final String HUSBAND = "My husband hasn't bonded with our 5 month old son at all. The baby screams whenever my "
            + "husband holds him. We have tried skin to skin and walks, and our marriage is suffering.";

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired Stories stories;
    @Autowired Insights readings;

    private ResultActions suggest(String json) throws Exception {
        return mvc.perform(post("/api/guides/suggest").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    // ---- the library pages, open to everyone ---------------------------------------------------

    @Test
    void theLibraryListsEveryGuideWithoutSigningIn() throws Exception {
        String html = mvc.perform(get("/guides")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Guides: what helps")))
                .andExpect(content().string(containsString("Need help now?")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.split("class=\"card guide-card\"", -1).length - 1).isGreaterThanOrEqualTo(30);
        assertThat(html).contains("<label for=\"q\">Search the guides</label>").contains("<label for=\"theme\">Theme</label>");
    }

    @Test
    void theLibraryIsSearchableByWordsAndByTheme() throws Exception {
        mvc.perform(get("/guides").param("q", "goodbye ritual")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Separation upset and goodbye rituals")))
                .andExpect(content().string(not(containsString("The period of PURPLE crying"))));
        mvc.perform(get("/guides").param("theme", "infant_crying")).andExpect(status().isOk())
                .andExpect(content().string(containsString("The period of PURPLE crying")))
                .andExpect(content().string(not(containsString("Working-parent guilt"))));
        mvc.perform(get("/guides").param("q", "zebra quantum")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No guide matches that")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"suicidal", "suicide", "crisis", "kill myself", "self harm", "suicidle"})
    void crisisWordsPutTheCrisisPanelAndTheUrgentHelpGuideFirst(String words) throws Exception {
        String html = mvc.perform(get("/guides").param("q", words).header("Accept-Language", "en-GB"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int panel = html.indexOf("id=\"crisis-panel\"");
        int firstGuide = html.indexOf("class=\"card guide-card\"");
        assertThat(panel).as("the crisis panel on the page").isPositive();
        assertThat(firstGuide).as("a guide found").isGreaterThan(panel);
        assertThat(html.substring(firstGuide)).as("the first guide").containsSubsequence("href=\"/guides/when-to-get-urgent-help\"",
                "class=\"card guide-card\"");
        assertThat(html).contains("Samaritans");
        mvc.perform(get("/api/guides").param("q", words)).andExpect(status().isOk())
                .andExpect(jsonPath("$.urgentHelp").value(true))
                .andExpect(jsonPath("$.guides[0].slug").value("when-to-get-urgent-help"));
    }

    @Test
    void everydaySearchesShowNoCrisisPanel() throws Exception {
        mvc.perform(get("/guides").param("q", "crying")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"crisis-panel\""))));
        mvc.perform(get("/api/guides").param("q", "crying")).andExpect(jsonPath("$.urgentHelp").value(false));
    }

    @Test
    void badSearchesGetACalmError() throws Exception {
        mvc.perform(get("/guides").param("theme", "colic")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("We do not know the theme")));
        mvc.perform(get("/guides").param("q", "a".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("too long")));
        mvc.perform(get("/guides").param("q", "<script>alert(1)</script>")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void aGuidePageShowsItsBodySourcesEvidenceAndReviewDate() throws Exception {
        mvc.perform(get("/guides/stepping-away-safely-when-the-crying-is-too-much")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Stepping away safely when the crying is too much</h1>")))
                .andExpect(content().string(containsString("<strong>Put the baby down on their back in the cot</strong>")))
                .andExpect(content().string(containsString("href=\"https://www.cdc.gov/violenceprevention/childabuseandneglect/Abusive-Head-Trauma.html\"")))
                .andExpect(content().string(containsString("href=\"/help\"")))
                .andExpect(content().string(containsString("How strong the evidence is:")))
                .andExpect(content().string(containsString("Last reviewed <time datetime=\"2026-12-02\"")));
    }

    @Test
    void theUrgentHelpGuideHasNumbersToTapOnAPhone() throws Exception {
        mvc.perform(get("/guides/when-to-get-urgent-help")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"tel:116123\">116 123</a>")))
                .andExpect(content().string(containsString("href=\"tel:999\" class=\"strong\">999</a>")))
                .andExpect(content().string(containsString("href=\"/help\"")));
    }

    @Test
    void anUnknownOrMalformedGuideIsNotFound() throws Exception {
        mvc.perform(get("/guides/no-such-guide")).andExpect(status().isNotFound());
        mvc.perform(get("/guides/The-Period")).andExpect(status().isNotFound());
        mvc.perform(get("/guides/" + "a".repeat(300))).andExpect(status().isNotFound());
        mvc.perform(get("/api/guides/no-such-guide")).andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"));
    }

    // ---- the JSON API ------------------------------------------------------------------------------

    @Test
    void theApiListsAndFiltersGuides() throws Exception {
        mvc.perform(get("/api/guides")).andExpect(status().isOk())
                .andExpect(jsonPath("$.guides.length()").value(greaterThanOrEqualTo(30)))
                .andExpect(jsonPath("$.guides[*].slug").value(hasItem("when-to-get-urgent-help")));
        mvc.perform(get("/api/guides").param("theme", "feeding")).andExpect(status().isOk())
                .andExpect(jsonPath("$.guides[*].themes[*].code").value(hasItem("feeding")))
                .andExpect(jsonPath("$.guides[*].path").value(everyItem(startsWith("/guides/"))));
        mvc.perform(get("/api/guides").param("theme", "nope")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("theme"));
    }

    @Test
    void theApiGivesOneGuideWithItsMarkdownAndSources() throws Exception {
        mvc.perform(get("/api/guides/missed-doses-of-antidepressants")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Missed doses of antidepressants"))
                .andExpect(jsonPath("$.markdown").value(containsString("Do not take a double dose")))
                .andExpect(jsonPath("$.sources[0].url").value(startsWith("https://")))
                .andExpect(jsonPath("$.reviewed").value("2026-12-02"))
                .andExpect(jsonPath("$.audience").value("struggling"));
    }

    @Test
    void aScreeningResultGetsGuidesWithReasons() throws Exception {
        suggest("{\"themes\":[\"perinatal_depression\"],\"role\":\"father\",\"childAgeMonths\":4,\"context\":\"screening\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].guide.slug").value("fathers-and-partners-depression"))
                .andExpect(jsonPath("$.suggestions[0].reason").value("Because your answers touched on feeling low or empty."));
        suggest("{\"themes\":[\"bonding_difficulty\"],\"role\":\"mother\",\"childAgeMonths\":3,\"context\":\"screening\",\"limit\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions.length()").value(1))
                .andExpect(jsonPath("$.suggestions[0].guide.slug").value("building-a-bond-when-you-feel-nothing"));
        suggest("{\"themes\":[\"perinatal_depression\"],\"risk\":\"urgent\",\"context\":\"screening\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].guide.slug").value("when-to-get-urgent-help"))
                .andExpect(jsonPath("$.suggestions[0].reason").value(containsString("need a professional's attention soon")))
                .andExpect(jsonPath("$.suggestions[*].guide.slug").value(hasItem("postnatal-depression-and-its-treatment")));
    }

    @Test
    void aThemeAboutThePartnerGetsTheGuideForTheSupportingParent() throws Exception {
        suggest("{\"themes\":[{\"code\":\"bonding_difficulty\",\"person\":\"partner\"},{\"code\":\"infant_crying\",\"person\":\"child\"}],"
                + "\"role\":\"mother\",\"childAgeMonths\":5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].guide.slug").value("when-your-partner-struggles-to-bond"))
                .andExpect(jsonPath("$.suggestions[0].reason").value(startsWith("Because you asked about your partner finding it hard to bond")));
    }

    @Test
    void theBrowsersRegionDecidesWhichCountrysServicesAreSuggested() throws Exception {
        String body = "{\"themes\":[\"perinatal_depression\",\"anxiety\",\"isolation\"],\"role\":\"mother\",\"limit\":5}";
        mvc.perform(post("/api/guides/suggest").header("Accept-Language", "en-US").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.suggestions[*].guide.slug").value(hasItem("talking-to-a-doctor-in-the-us")))
                .andExpect(jsonPath("$.suggestions[*].guide.slug").value(not(hasItem("talking-to-a-gp-or-health-visitor"))));
        suggest(body).andExpect(jsonPath("$.suggestions[*].guide.countries[*]").isEmpty());
        suggest("{\"themes\":[\"perinatal_depression\",\"anxiety\",\"isolation\"],\"role\":\"mother\",\"limit\":5,\"country\":\"gb\"}")
                .andExpect(jsonPath("$.suggestions[*].guide.slug").value(hasItem("talking-to-a-gp-or-health-visitor")));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/guides/suggest'].post.summary").value(containsString("fit a situation")))
                .andExpect(jsonPath("$.paths['/api/guides/suggest'].post.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/guides/{slug}'].get").exists());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|themes",
            "{\"themes\":[]}|themes",
            "{\"themes\":\"anxiety\"}|themes",
            "{\"themes\":[\"colic\"]}|themes[0]",
            "{\"themes\":[\"anxiety\",42]}|themes[1]",
            "{\"themes\":[{\"code\":\"anxiety\",\"person\":\"neighbour\"}]}|themes[0].person",
            "{\"themes\":[\"anxiety\"],\"childAgeMonths\":-1}|childAgeMonths",
            "{\"themes\":[\"anxiety\"],\"childAgeMonths\":500}|childAgeMonths",
            "{\"themes\":[\"anxiety\"],\"limit\":0}|limit",
            "{\"themes\":[\"anxiety\"],\"limit\":50}|limit",
            "{\"themes\":[\"anxiety\"],\"role\":\"alien\"}|role",
            "{\"themes\":[\"anxiety\"],\"risk\":\"severe\"}|risk",
            "{\"themes\":[\"anxiety\"],\"country\":\"XX\"}|country",
            "{\"themes\":[\"anxiety\"],\"context\":\"gossip\"}|context"})
    void badSuggestionRequestsAreRefusedWithTheFieldAtFault(String json, String field) throws Exception {
        suggest(json).andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.field").value(field));
    }

    @Test
    void brokenOrWronglyTypedJsonIsRefused() throws Exception {
        suggest("{\"themes\":[\"anxiety\"").andExpect(status().isBadRequest()).andExpect(content().contentType("application/problem+json"));
        suggest("{\"themes\":[\"anxiety\"],\"childAgeMonths\":\"ten\"}").andExpect(status().isBadRequest());
        StringBuilder many = new StringBuilder("{\"themes\":[");
        for (int i = 0; i < 41; i++) {
            many.append(i == 0 ? "" : ",").append("\"anxiety\"");
        }
        suggest(many + "]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("themes"));
    }

    @Autowired org.thymeleaf.ITemplateEngine templates;
    @Autowired Guidance guidance;

    @Test
    void otherPagesCanShowSuggestionsThroughTheLibrarysFragment() {
        var webApp = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(new org.springframework.mock.web.MockServletContext());
        var context = new org.thymeleaf.context.WebContext(webApp.buildExchange(new org.springframework.mock.web.MockHttpServletRequest(),
                new org.springframework.mock.web.MockHttpServletResponse()));
        context.setVariable("list", guidance.suggestFor(Situations.fromScreening(java.util.List.of(app.village.understanding.Theme.BONDING_DIFFICULTY),
                app.village.understanding.WriterRole.MOTHER, 3, app.village.understanding.RiskLevel.MODERATE, null)));
        String html = templates.process("guidance/library", java.util.Set.of("suggestions"), context);
        assertThat(html).contains("What might help").contains("href=\"/guides/building-a-bond-when-you-feel-nothing\"")
                .contains("Because your answers touched on not feeling the closeness you hoped for with your baby.")
                .doesNotContain("Guides: what helps");
    }

    // ---- under a post, for its writer ----------------------------------------------------------

    @Test
    void aPostShowsMatchedGuidesToItsWriterOnly() throws Exception {
        TestMembers.Created writer = members.mother();
        TestMembers.Created other = members.father();
        UUID postId = stories.publish(writer.id(), new PostDraft("He cannot bond with our son", HUSBAND, "community", null, null,
                UUID.randomUUID()));
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (readings.ofPost(postId).isEmpty()) {
            assertThat(Instant.now()).as("waited 60 s for the post to be read").isBefore(until);
            Thread.sleep(100);
        }
        mvc.perform(get("/posts/" + postId).with(user(writer.user()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("What might help")))
                .andExpect(content().string(containsString("href=\"/guides/when-your-partner-struggles-to-bond\"")))
                .andExpect(content().string(containsString("Because you wrote about your husband finding it hard to bond with your baby and the baby crying in his arms.")));
        mvc.perform(get("/posts/" + postId).with(user(other.user()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("What might help"))))
                .andExpect(content().string(not(containsString("Because you wrote about"))));
    }

    @Test
    void aPrivatePostsGuidesStayWithItsWriter() throws Exception {
        TestMembers.Created writer = members.mother();
        TestMembers.Created other = members.mother();
        UUID postId = stories.publish(writer.id(), new PostDraft("Only for me", HUSBAND, "private", null, null, UUID.randomUUID()));
        mvc.perform(get("/posts/" + postId).with(user(other.user()))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("What might help"))));
    }
}
