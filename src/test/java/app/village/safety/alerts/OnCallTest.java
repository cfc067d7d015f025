package app.village.safety.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.accounts.domain.AccountService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Going on call from the queue page and the API, the admin's weekly rota, and who is on call now and next. */
// Each test touches only its own members' on-call rows and rota slots, and asserts only on them, so the class can share a
// database with other classes (CI's external PostgreSQL).
@VillageIntegrationTest
class OnCallTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;

    /** This test's staff, whom it takes off call and off the rota afterwards (and nobody else). */
    private final List<TestMembers.Created> staff = new ArrayList<>();

    private TestMembers.Created staff(String role) {
        TestMembers.Created created = members.withRole(role);
        staff.add(created);
        return created;
    }

    @AfterEach
    void nobodyOfOursStaysOnCall() {
        for (TestMembers.Created s : staff) {
            jdbc.sql("DELETE FROM safety_on_call WHERE member_id = ?").param(s.id()).update();
            jdbc.sql("DELETE FROM safety_rota WHERE member_id = ?").param(s.id()).update();
        }
        staff.clear();
    }

    private JsonNode roster(TestMembers.Created who) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/moderation/on-call").with(user(who.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String page(TestMembers.Created who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> handles(JsonNode people) {
        return people.valueStream().map(p -> p.path("handle").asString()).toList();
    }

    @Test
    void aModeratorGoesOnCallByTheApiAndOffCallFromTheQueuePage() throws Exception {
        TestMembers.Created mod = staff("MODERATOR");
        TestMembers.Created other = staff("MODERATOR");
        assertThat(roster(mod).path("youAreOnCall").asBoolean()).isFalse();
        assertThat(handles(roster(other).path("now"))).doesNotContain(mod.member().handle());
        assertThat(page(mod, "/moderation")).contains("Go on call");

        String answer = mvc.perform(put("/api/moderation/on-call").with(user(mod.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onCall\": true}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(answer).path("youAreOnCall").asBoolean()).isTrue();
        assertThat(handles(roster(other).path("now"))).contains(mod.member().handle());
        assertThat(roster(other).path("youAreOnCall").asBoolean()).isFalse();
        assertThat(page(other, "/moderation")).contains(mod.member().handle()).contains("Go on call");
        assertThat(page(mod, "/moderation")).contains("Go off call");
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ? AND action = 'ON_CALL'").param(mod.id())
                .query(Integer.class).single()).isEqualTo(1);

        mvc.perform(post("/moderation/on-call").with(user(mod.user())).with(csrf()).param("onCall", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(handles(roster(other).path("now"))).doesNotContain(mod.member().handle());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ? AND action = 'OFF_CALL'").param(mod.id())
                .query(Integer.class).single()).isEqualTo(1);

        mvc.perform(put("/api/moderation/on-call").with(user(mod.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
    }

    @Test
    void parentsCannotGoOnCallNorSeeWhoIs() throws Exception {
        TestMembers.Created parent = members.mother();
        mvc.perform(get("/api/moderation/on-call").with(user(parent.user()))).andExpect(status().isForbidden());
        mvc.perform(put("/api/moderation/on-call").with(user(parent.user())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"onCall\": true}")).andExpect(status().isForbidden());
        mvc.perform(post("/moderation/on-call").with(user(parent.user())).with(csrf()).param("onCall", "true"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_on_call WHERE member_id = ?").param(parent.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anAdminsWeeklyRotaSaysWhoIsOnCallNowAndWhoIsNext() throws Exception {
        TestMembers.Created admin = staff("ADMIN");
        TestMembers.Created today = staff("MODERATOR");
        TestMembers.Created tomorrow = staff("MODERATOR");
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        String todayName = date.getDayOfWeek().name();
        // Next: a slot starting within the hour, sooner than another class's slot would.
        ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        String tomorrowName = from.getDayOfWeek().name();
        String fromText = from.toLocalTime().toString();
        String toText = from.plusMinutes(30).toLocalDate().equals(from.toLocalDate()) ? from.plusMinutes(30).toLocalTime().toString() : "24:00";

        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", today.id().toString())
                .param("day", todayName).param("start", "00:00").param("end", "24:00")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", tomorrow.id().toString())
                .param("day", tomorrowName).param("start", fromText).param("end", toText)).andExpect(status().is3xxRedirection());
        // Ends before it starts: refused, nothing added.
        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", tomorrow.id().toString())
                        .param("day", tomorrowName).param("start", "18:00").param("end", "09:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).asString().contains("must end after it starts"));
        assertThat(jdbc.sql("SELECT count(*) FROM safety_rota WHERE member_id IN (?, ?)").params(today.id(), tomorrow.id())
                .query(Integer.class).single()).isEqualTo(2);

        JsonNode roster = roster(tomorrow);
        assertThat(handles(roster.path("now"))).contains(today.member().handle()).doesNotContain(tomorrow.member().handle());
        assertThat(roster.path("next").path("handle").asString()).isEqualTo(tomorrow.member().handle());
        assertThat(Instant.parse(roster.path("nextFrom").asString())).isEqualTo(from.toInstant());

        String adminPage = page(admin, "/admin/alerts");
        assertThat(adminPage).contains(today.member().handle()).contains(tomorrow.member().handle()).contains(toText).contains("24:00")
                .contains("not configured");
        assertThat(page(today, "/moderation")).contains("Go off call").contains(tomorrow.member().handle());

        // A moderator whose role is taken back is on call no more, rota or not.
        accounts.revoke(admin.id(), today.id(), "MODERATOR");
        assertThat(handles(roster(tomorrow).path("now"))).doesNotContain(today.member().handle());

        UUID slot = jdbc.sql("SELECT id FROM safety_rota WHERE member_id = ?").param(tomorrow.id()).query(UUID.class).single();
        mvc.perform(post("/admin/alerts/rota/" + slot + "/delete").with(user(admin.user())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(roster(tomorrow).path("next").path("handle").asString("")).isNotEqualTo(tomorrow.member().handle());
    }

    @Test
    void onlyAdminsSetTheRota() throws Exception {
        TestMembers.Created mod = staff("MODERATOR");
        mvc.perform(get("/admin/alerts").with(user(mod.user()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/alerts/rota").with(user(mod.user())).with(csrf()).param("memberId", mod.id().toString())
                .param("day", "MONDAY").param("start", "00:00").param("end", "24:00")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_rota WHERE member_id = ?").param(mod.id()).query(Integer.class).single()).isZero();
    }
}
