package app.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import app.village.accounts.domain.AccountService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** Every page renders for the people who may see it, with the crisis link, and refuses the others. */
@VillageIntegrationTest
class PagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired AccountService accounts;

    private String page(String path, TestMembers.Created as) throws Exception {
        var request = get(path).accept(MediaType.TEXT_HTML);
        if (as != null) {
            request = request.with(user(as.user()));
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).as(path).contains("Need help now?").contains("<main id=\"main\">").contains("lang=\"en\"");
        return html;
    }

    @Test
    void publicPagesRenderForEveryone() throws Exception {
        assertThat(page("/", null)).contains("Join Village");
        assertThat(page("/help", null)).contains("988").contains("116 123").contains("1300 726 306").contains("1737");
        String irish = mvc.perform(get("/help").header("Accept-Language", "en-IE,en;q=0.8").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(irish).contains("data-country=\"IE\"").contains("50808");
        String chosen = page("/help?country=nz", null);
        assertThat(chosen).contains("data-country=\"NZ\"").contains("tel:111");
        assertThat(page("/signin", null)).contains("name=\"_csrf\"");
        assertThat(page("/signup", null)).contains("The name others see");
    }

    @Test
    void memberPagesRenderForAMember() throws Exception {
        TestMembers.Created m = members.mother();
        assertThat(page("/feed", m)).contains("Stories from parents");
        assertThat(page("/posts/new", m)).contains("Who can read it?");
        assertThat(page("/notifications", m)).contains("Notifications");
        assertThat(page("/account", m)).contains(m.member().handle()).contains("Erase my account");
        mvc.perform(get("/").with(user(m.user()))).andExpect(status().is3xxRedirection());
    }

    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void aPageTheAccountMayNotOpenSaysSoOnAPageAndTheApiAnswersAProblem() throws Exception {
        TestMembers.Created m = members.mother();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (m.email() + ":" + TestMembers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/moderation"))
                .header("Authorization", basic).header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This page is not for your account").contains("Need help now?")
                .doesNotContain("Your form may have expired");
        var api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/moderation/queue"))
                .header("Authorization", basic).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void adminPagesAreForAdminsOnly() throws Exception {
        TestMembers.Created m = members.mother();
        mvc.perform(get("/admin/roles").with(user(m.user()))).andExpect(status().isForbidden());
        accounts.grant(null, m.email(), "ADMIN");
        TestMembers.Created admin = new TestMembers.Created(accounts.find(m.id()).orElseThrow(), m.email());
        assertThat(page("/admin/roles", admin)).contains("Grant role");
    }

    @Test
    void aRefusedSignUpKeepsWhatWasTypedAndSaysWhy() throws Exception {
        String html = mvc.perform(post("/signup").with(csrf()).accept(MediaType.TEXT_HTML)
                        .param("email", "kept@example.org").param("password", "short")
                        .param("handle", "kept_handle").param("familyRole", "MOTHER"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("at least 10 characters").contains("value=\"kept@example.org\"")
                .contains("value=\"kept_handle\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void theErrorPageAskedForByItsAddressIsNotFoundNotAServerError() throws Exception {
        String html = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("We could not find that page").contains("Need help now?");
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownPagesGetACalmNotFoundPage() throws Exception {
        TestMembers.Created m = members.mother();
        String html = mvc.perform(get("/posts/" + java.util.UUID.randomUUID()).with(user(m.user())).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("We could not find that page").contains("Need help now?");
    }
}
