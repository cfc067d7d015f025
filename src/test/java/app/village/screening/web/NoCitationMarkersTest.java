package app.village.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import app.village.guidance.Guidance;
import app.village.guidance.GuideSummary;
import app.village.screening.ScreeningFixtures;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.ScoringEngine;
import app.village.screening.domain.Instruments;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parent-facing text never shows a citation marker such as "[21]" or "[22a]": the markers point to a file a parent
 * cannot see. Every guide, every screening page and a result of each questionnaire are read as a parent sees them
 * (the page's text, tags left out), and the sources appear named in the result's "Sources" section instead.
 */
@VillageIntegrationTest
class NoCitationMarkersTest {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+[a-z]?\\]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired Guidance guidance;
    @Autowired Instruments instruments;

    /** What a browser shows of a page: no scripts, styles or tags, entities read. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", " ")
                .replace("&#91;", "[").replace("&#93;", "]").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static List<String> markers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            found.add(text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 10)));
        }
        return found;
    }

    @Test
    void noParentFacingPageShowsACitationMarker() throws Exception {
        TestMembers.Created parent = members.mother();
        List<String> pages = new ArrayList<>(List.of("/help", "/feed", "/posts/new", "/stories/search", "/journal",
                "/guides", "/screening", "/screening/history", "/support/messages"));
        for (GuideSummary guide : guidance.all()) {
            pages.add("/guides/" + guide.slug());
        }
        for (Instrument instrument : instruments.offered()) {
            pages.add("/screening/" + instrument.id());
            // Every answer the last option: for most instruments the most worrying, so cut-offs and crisis help show too.
            Map<String, String> answers = ScreeningFixtures.all(instrument, instrument.scoredQuestions().getFirst().options().size() - 1);
            String created = mvc.perform(post("/api/screenings").with(user(parent.user())).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of(
                                    "questionnaire", instrument.id(), "version", instrument.version(), "answers", answers))))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            pages.add("/screening/results/" + JsonPath.read(created, "$.id"));
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        // The welcome page is for visitors who have not signed in (a member is sent on to the feed).
        List<String> welcome = markers(visibleText(mvc.perform(get("/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()));
        if (!welcome.isEmpty()) {
            found.put("/", welcome);
        }
        for (String page : pages) {
            String html = mvc.perform(get(page).with(user(parent.user()))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> here = markers(visibleText(html));
            if (!here.isEmpty()) {
                found.put(page, here);
            }
            if (page.startsWith("/screening/results/")) {
                assertThat(visibleText(html)).as(page).contains("Sources");
            }
        }
        assertThat(found).as("citation markers on parent-facing pages").isEmpty();
    }

    @Test
    void everyQuestionnairesSourcesAreNamedWithoutMarkers() {
        Instruments all = ScreeningFixtures.instruments();
        for (Instrument instrument : all.offered()) {
            List<String> sources = ResultSources.of(ScoringEngine.score(instrument,
                    ScreeningFixtures.all(instrument, 0), CutOffGroup.MOTHERS));
            assertThat(sources).as(instrument.id()).isNotEmpty().allSatisfy(s -> assertThat(markers(s)).as(s).isEmpty());
        }
        assertThat(all.offered()).extracting(Instrument::id).contains("epds", "pbq", "phq-9", "gad-7");
        // The rules' "[21]" is named, not dropped.
        assertThat(ResultSources.of(ScoringEngine.score(all.get("phq-9"), ScreeningFixtures.all(all.get("phq-9"), 0),
                CutOffGroup.MOTHERS))).contains("CamCOPS PHQ-9 and GAD-7 tasks", "ACOG, perinatal mental health screening");
    }
}
