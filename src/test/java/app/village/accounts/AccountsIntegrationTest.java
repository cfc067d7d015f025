package app.village.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.village.accounts.domain.AccountService;
import app.village.accounts.SignUp;
import app.village.community.domain.CommunityService;
import app.village.community.PostDraft;
import app.village.platform.InvalidInputException;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

@VillageIntegrationTest
class AccountsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired CommunityService community;
    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void signUpStoresABcryptHashNeverThePassword() {
        TestMembers.Created m = members.mother();
        String hash = jdbc.sql("SELECT password_hash FROM members WHERE id = ?").param(m.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestMembers.PASSWORD);
        assertThat(m.member().roles()).containsExactly(Role.PARENT);
    }

    @Test
    void signUpWithChildrenKnowsTheirAge() {
        String s = unique();
        Member m = accounts.signUp(new SignUp("kid-" + s + "@example.org", TestMembers.PASSWORD, "kid_" + s, "father",
                List.of(new SignUp.NewChild("Leo", "2025-01"), new SignUp.NewChild("", ""))));
        assertThat(accounts.children(m.id())).singleElement().satisfies(c -> {
            assertThat(c.nickname()).isEqualTo("Leo");
            assertThat(c.birthMonth().toString()).isEqualTo("2025-01");
        });
        assertThat(m.familyRole()).isEqualTo(FamilyRole.FATHER);
    }

    @Test
    void aTakenEmailGetsTheSameWordsAsAnyRefusalAndNothingIsWritten() {
        TestMembers.Created existing = members.mother();
        long before = jdbc.sql("SELECT count(*) FROM members").query(Long.class).single();
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () ->
                accounts.signUp(new SignUp(existing.email().toUpperCase(), TestMembers.PASSWORD, "other_" + unique(), "MOTHER", List.of())));
        assertThat(e.getMessage()).doesNotContain("already registered").contains("could not create an account");
        assertThat(jdbc.sql("SELECT count(*) FROM members").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void handlesAreUniqueRegardlessOfCase() {
        TestMembers.Created existing = members.mother();
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () ->
                accounts.signUp(new SignUp("h-" + unique() + "@example.org", TestMembers.PASSWORD,
                        existing.member().handle().toUpperCase(), "MOTHER", List.of()))).field()).isEqualTo("handle");
    }

    @Test
    void handlesThatLookTheSameAreOneHandle() {
        String s = unique();
        accounts.signUp(new SignUp("c-" + s + "@example.org", TestMembers.PASSWORD, "ParentA_" + s, "MOTHER", List.of()));
        // Greek capital rho for P, then fullwidth letters: on screen all three read "ParentA".
        for (String lookalike : List.of("\u03A1arentA_" + s, "\uFF30\uFF41\uFF52\uFF45\uFF4E\uFF54\uFF21_" + s, "parenta_" + s)) {
            InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () ->
                    accounts.signUp(new SignUp("c-" + unique() + "@example.org", TestMembers.PASSWORD, lookalike, "MOTHER", List.of())));
            assertThat(refused.field()).as(lookalike).isEqualTo("handle");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM members WHERE handle_skeleton IS NULL").query(Long.class).single())
                .as("every member has a skeleton").isZero();
    }

    @Test
    void signUpsFromOneAddressAreLimitedPerHour() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/accounts").with(remote("10.7.0.1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"not-an-email\",\"password\":\"long enough pass\",\"handle\":\"x\",\"familyRole\":\"MOTHER\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("email"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("network"))));
        }
        String s = unique();
        String good = "{\"email\":\"l" + s + "@example.org\",\"password\":\"long enough pass\",\"handle\":\"lim_" + s + "\",\"familyRole\":\"MOTHER\"}";
        mvc.perform(post("/api/accounts").with(remote("10.7.0.1")).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("network")));
        mvc.perform(post("/signup").with(csrf()).with(remote("10.7.0.1")).param("email", "m" + s + "@example.org")
                .param("password", "long enough pass").param("handle", "lim2_" + s).param("familyRole", "MOTHER"))
                .andExpect(status().isBadRequest());
        // Another network is not affected.
        mvc.perform(post("/api/accounts").with(remote("10.7.0.2")).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isCreated());
    }

    @Test
    void badSignUpsAreRefusedWithAFieldAndAMessage() throws Exception {
        String s = unique();
        Map<String, String> cases = Map.of(
                "email", "{\"email\":\"not-an-email\",\"password\":\"long enough pass\",\"handle\":\"ok_" + s + "\",\"familyRole\":\"MOTHER\"}",
                "password", "{\"email\":\"p" + s + "@example.org\",\"password\":\"short\",\"handle\":\"ok_" + s + "\",\"familyRole\":\"MOTHER\"}",
                "handle", "{\"email\":\"h" + s + "@example.org\",\"password\":\"long enough pass\",\"handle\":\"<script>\",\"familyRole\":\"MOTHER\"}",
                "familyRole", "{\"email\":\"f" + s + "@example.org\",\"password\":\"long enough pass\",\"handle\":\"ok_" + s + "\",\"familyRole\":\"UNCLE\"}");
        for (var c : cases.entrySet()) {
            mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(c.getValue()))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.field").value(c.getKey()))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
    }

    @Test
    void signUpPageCreatesTheAccountAndSignsIn() throws Exception {
        String s = unique();
        mvc.perform(post("/signup").with(csrf())
                        .param("email", "page-" + s + "@example.org").param("password", TestMembers.PASSWORD)
                        .param("handle", "page_" + s).param("familyRole", "PARTNER")
                        .param("childNickname", "Bea").param("childBirthMonth", "2026-02"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/feed?welcome"));
        assertThat(jdbc.sql("SELECT count(*) FROM members WHERE handle = ?").param("page_" + s).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/signup").param("email", "x@example.org")).andExpect(status().isForbidden());
    }

    @Test
    void signInWorksAndWrongPasswordSaysTheSameAsUnknownEmail() throws Exception {
        TestMembers.Created m = members.mother();
        mvc.perform(post("/signin").with(csrf()).param("email", m.email()).param("password", TestMembers.PASSWORD))
                .andExpect(redirectedUrl("/feed"));
        String wrong = mvc.perform(post("/signin").with(csrf()).param("email", m.email()).param("password", "nope nope nope"))
                .andReturn().getResponse().getRedirectedUrl();
        String unknown = mvc.perform(post("/signin").with(csrf()).param("email", "nobody-" + unique() + "@example.org").param("password", "nope nope nope"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(wrong).isEqualTo("/signin?error").isEqualTo(unknown);
    }

    @Test
    void failuresSlowTheGuessersAddressButNeverLockTheOwnerOut() throws Exception {
        TestMembers.Created m = members.mother();
        // First a successful sign-in from the owner's browser, which remembers the device.
        MvcResult owner = mvc.perform(post("/signin").with(csrf()).with(remote("10.9.0.1"))
                .param("email", m.email()).param("password", TestMembers.PASSWORD)).andReturn();
        jakarta.servlet.http.Cookie device = owner.getResponse().getCookie("VILLAGE_DEVICE");
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        // A guesser on the owner's own network (the same address) fails often enough to trip the throttle (3 free failures in tests).
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/signin").with(csrf()).with(remote("10.9.0.1"))
                    .param("email", m.email()).param("password", "guess number " + i));
        }
        String throttled = mvc.perform(post("/signin").with(csrf()).with(remote("10.9.0.1"))
                        .param("email", m.email()).param("password", TestMembers.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(throttled).as("the guesser's address waits, even with the right password").startsWith("/signin?wait=");

        // The owner, on the browser that signed in before, is let in from that same address.
        mvc.perform(post("/signin").with(csrf()).with(remote("10.9.0.1")).cookie(device)
                        .param("email", m.email()).param("password", TestMembers.PASSWORD))
                .andExpect(redirectedUrl("/feed"));
        // And from any other address, on a new browser too: the account alone is never locked.
        mvc.perform(post("/signin").with(csrf()).with(remote("10.9.2.1"))
                        .param("email", m.email()).param("password", TestMembers.PASSWORD))
                .andExpect(redirectedUrl("/feed"));
    }

    @Test
    void aGuesserSpreadOverAccountsIsSlowedByItsAddress() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/signin").with(csrf()).with(remote("10.9.3.1"))
                    .param("email", members.father().email()).param("password", "guess number " + i));
        }
        TestMembers.Created next = members.mother();
        assertThat(mvc.perform(post("/signin").with(csrf()).with(remote("10.9.3.1"))
                        .param("email", next.email()).param("password", TestMembers.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).startsWith("/signin?wait=");
    }

    @Test
    void theWaitEndsByItself() throws Exception {
        TestMembers.Created m = members.mother();
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/signin").with(csrf()).with(remote("10.8.0.7")).param("email", m.email()).param("password", "wrong " + i));
        }
        assertThat(mvc.perform(post("/signin").with(csrf()).with(remote("10.8.0.7")).param("email", m.email())
                .param("password", TestMembers.PASSWORD)).andReturn().getResponse().getRedirectedUrl()).startsWith("/signin?wait=");
        Thread.sleep(2_200); // first wait is 2 s in tests
        mvc.perform(post("/signin").with(csrf()).with(remote("10.8.0.7")).param("email", m.email()).param("password", TestMembers.PASSWORD))
                .andExpect(redirectedUrl("/feed"));
    }

    @Test
    void httpBasicWorksForTheApiAndAnUnauthenticatedCallGetsAProblem() throws Exception {
        TestMembers.Created m = members.father();
        mvc.perform(get("/api/me").with(httpBasic(m.email(), TestMembers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handle").value(m.member().handle()))
                .andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() throws Exception {
        TestMembers.Created m = members.mother();
        mvc.perform(put("/api/me/password").with(user(m.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong wrong wrong\",\"newPassword\":\"another long password\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("currentPassword"));
        mvc.perform(put("/api/me/password").with(user(m.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TestMembers.PASSWORD + "\",\"newPassword\":\"another long password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic(m.email(), "another long password"))).andExpect(status().isOk());
    }

    @Test
    void exportHoldsTheAccountAndEverythingWritten() throws Exception {
        TestMembers.Created m = members.mother();
        community.publishPost(m.id(), new PostDraft("My export title", "Body for export", "PRIVATE", null, 4, null));
        mvc.perform(get("/api/me/export").with(user(m.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account.email").value(m.email()))
                .andExpect(jsonPath("$.community.posts[0].title").value("My export title"));
        mvc.perform(get("/account/export").with(user(m.user())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("village-export.json")));
    }

    @Test
    void erasureWithAnonymiseKeepsPostsWithoutAName() throws Exception {
        TestMembers.Created m = members.mother();
        var post = community.publishPost(m.id(), new PostDraft("Keep me", "Useful words", "COMMUNITY", null, null, null));
        mvc.perform(delete("/api/me").with(user(m.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + TestMembers.PASSWORD + "\",\"contentChoice\":\"anonymise\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM members WHERE id = ?").param(m.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM posts WHERE id = ? AND author_id IS NULL").param(post.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void erasureWithRemoveDeletesPostsAndAWrongPasswordErasesNothing() throws Exception {
        TestMembers.Created m = members.mother();
        var post = community.publishPost(m.id(), new PostDraft("Remove me", "Words", "COMMUNITY", null, null, null));
        mvc.perform(delete("/api/me").with(user(m.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"not my password\",\"contentChoice\":\"REMOVE\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM posts WHERE id = ?").param(post.id()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(delete("/api/me").with(user(m.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + TestMembers.PASSWORD + "\",\"contentChoice\":\"REMOVE\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM posts WHERE id = ?").param(post.id()).query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdminsGrantRolesAndGrantsAreAudited() throws Exception {
        TestMembers.Created admin = members.mother();
        TestMembers.Created target = members.father();
        mvc.perform(post("/api/admin/roles").with(user(admin.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + target.email() + "\",\"role\":\"moderator\"}")).andExpect(status().isForbidden());
        accounts.grant(null, admin.email(), "admin");
        TestMembers.Created adminNow = new TestMembers.Created(accounts.find(admin.id()).orElseThrow(), admin.email());
        mvc.perform(post("/api/admin/roles").with(user(adminNow.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + target.email() + "\",\"role\":\"moderator\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.granted").value(true));
        assertThat(accounts.find(target.id()).orElseThrow().roles()).contains(Role.MODERATOR);
        assertThat(jdbc.sql("SELECT count(*) FROM account_audit WHERE subject_id = ? AND action = 'GRANT_ROLE' AND actor_id = ?")
                .params(target.id(), admin.id()).query(Long.class).single()).isEqualTo(1);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
