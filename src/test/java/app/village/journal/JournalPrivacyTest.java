package app.village.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.journal.domain.CheckInDraft;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.Entry;
import app.village.journal.domain.EntryService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * The journal is its owner's alone: every page and API endpoint, asked by another parent, a
 * moderator or an admin, answers as if the owner's data did not exist, and changes none of it.
 */
@VillageIntegrationTest
class JournalPrivacyTest {

    private static final String SECRET = "Nobody else may read this sentence about the quiet kitchen";

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired AccountService accounts;
    @Autowired CheckInService checkIns;
    @Autowired EntryService entries;
    @Autowired JdbcClient jdbc;

    private VillageUser withRole(TestMembers.Created m, Role role) {
        accounts.grant(null, m.email(), role.name());
        return new VillageUser(m.id(), m.member().handle(), m.member().familyRole(), EnumSet.of(Role.PARENT, role), null);
    }

    private record Owner(TestMembers.Created member, LocalDate day, UUID entry) {
    }

    private Owner owner() {
        TestMembers.Created ann = members.mother();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        checkIns.save(ann.id(), new CheckInDraft(day.toString(), "3", null, "4", "MISSED", SECRET, null, "UTC"));
        Entry entry = entries.write(ann.id(), SECRET, null);
        return new Owner(ann, day, entry.id());
    }

    private List<MockHttpServletRequestBuilder> everyRequestAbout(Owner o) {
        String day = o.day().toString();
        String e = o.entry().toString();
        String checkIn = "{\"mood\":9,\"timeZone\":\"UTC\"}";
        return List.of(
                get("/api/journal/check-ins/" + day),
                delete("/api/journal/check-ins/" + day),
                get("/api/journal/check-ins"),
                get("/api/journal/today"),
                get("/api/journal/patterns"),
                get("/api/journal/entries"),
                get("/api/journal/entries").param("q", "kitchen sentence"),
                get("/api/journal/entries/" + e),
                put("/api/journal/entries/" + e).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"mine now\",\"version\":0}"),
                delete("/api/journal/entries/" + e),
                post("/api/journal/entries/" + e + "/understanding"),
                post("/api/journal/entries/" + e + "/support-requests"),
                get("/api/journal/export"),
                delete("/api/journal").param("confirm", "yes"),
                get("/journal"),
                get("/journal/check-in").param("day", day),
                post("/journal/check-ins/" + day + "/delete"),
                get("/journal/charts").param("range", "7"),
                get("/journal/charts").param("range", "all"),
                get("/journal/entries"),
                get("/journal/entries").param("q", "kitchen sentence"),
                get("/journal/entries/" + e),
                get("/journal/entries/" + e + "/edit"),
                post("/journal/entries/" + e + "/edit").param("body", "mine now").param("version", "0"),
                post("/journal/entries/" + e + "/delete"),
                post("/journal/entries/" + e + "/understanding"),
                post("/journal/entries/" + e + "/support"),
                get("/journal/data"),
                get("/journal/export.json"),
                get("/journal/export/check-ins.csv"),
                get("/journal/export/entries.csv"),
                post("/journal/delete").param("confirm", "yes"),
                // Last: these write the asker's own check-in for the same day, which must stay apart from the owner's.
                put("/api/journal/check-ins/" + day).contentType(MediaType.APPLICATION_JSON).content(checkIn),
                post("/journal/check-in").param("day", day).param("mood", "9").param("timeZone", "UTC"));
    }

    private void assertUntouched(Owner o) {
        assertThat(jdbc.sql("SELECT mood FROM journal_check_ins WHERE member_id = ?").param(o.member().id()).query(Integer.class).list())
                .containsExactly(3);
        assertThat(jdbc.sql("SELECT body FROM journal_entries WHERE member_id = ?").param(o.member().id()).query(String.class).list())
                .containsExactly(SECRET);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_support_requests WHERE member_id = ?").param(o.member().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherParentAModeratorAndAnAdminSeeNothingAndChangeNothing() throws Exception {
        Owner owner = owner();
        List<VillageUser> others = List.of(members.father().user(), withRole(members.create("PARTNER"), Role.MODERATOR),
                withRole(members.create("OTHER_CARER"), Role.ADMIN));
        for (VillageUser other : others) {
            for (MockHttpServletRequestBuilder request : everyRequestAbout(owner)) {
                MvcResult result = mvc.perform(request.with(user(other)).with(csrf())).andReturn();
                String uri = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString();
                assertThat(body).as(uri).doesNotContain(SECRET).doesNotContain("quiet kitchen");
                assertThat(status).as(uri).isNotIn(500, 403);
                if (uri.contains(owner.entry().toString()) || uri.startsWith("GET /api/journal/check-ins/")
                        || uri.startsWith("DELETE /api/journal/check-ins/") || uri.endsWith("/delete") && uri.contains("check-ins")) {
                    assertThat(status).as(uri + " must not reveal that it exists").isEqualTo(404);
                }
            }
            assertUntouched(owner);
        }
        // The owner, by contrast, sees it all.
        String mine = mvc.perform(get("/api/journal/entries/" + owner.entry()).with(user(owner.member().user())))
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(SECRET);
        String csv = mvc.perform(get("/journal/export/check-ins.csv").with(user(owner.member().user())))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains(SECRET).contains("MISSED");
    }

    @Test
    void nobodySignedOutReachesTheJournal() throws Exception {
        Owner owner = owner();
        for (MockHttpServletRequestBuilder request : everyRequestAbout(owner)) {
            MvcResult result = mvc.perform(request.with(csrf())).andReturn();
            String uri = result.getRequest().getRequestURI();
            int status = result.getResponse().getStatus();
            if (uri.startsWith("/api/")) {
                assertThat(status).as(uri).isEqualTo(401);
            } else {
                assertThat(status).as(uri).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).as(uri).endsWith("/signin");
            }
            assertThat(result.getResponse().getContentAsString()).doesNotContain(SECRET);
        }
        assertUntouched(owner);
    }
}
