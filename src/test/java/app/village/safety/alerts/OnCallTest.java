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
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
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
// Runs against a fresh database of its own (the embedded step of CI): its on-call state and queue items are not
// isolated from other test classes sharing one external database, where they fail.
@Tag("embedded")
@VillageIntegrationTest
class OnCallTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;

    @AfterEach
    void nobodyStaysOnCall() {
        // The application context is shared with other tests: leave no one on call or on the rota.
        jdbc.sql("DELETE FROM safety_on_call").update();
        jdbc.sql("DELETE FROM safety_rota").update();
    }

    private JsonNode roster(TestMembers.Created who) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/moderation/on-call").with(user(who.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String page(TestMembers.Created who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static java.util.List<String> handles(JsonNode people) {
        return people.valueStream().map(p -> p.path("handle").asString()).toList();
    }

    @Test
    void aModeratorGoesOnCallByTheApiAndOffCallFromTheQueuePage() throws Exception {
        TestMembers.Created mod = members.withRole("MODERATOR");
        TestMembers.Created other = members.withRole("MODERATOR");
        assertThat(roster(mod).path("youAreOnCall").asBoolean()).isFalse();
        assertThat(page(mod, "/moderation")).contains("Go on call").contains("<strong>nobody</strong>");

        String answer = mvc.perform(put("/api/moderation/on-call").with(user(mod.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onCall\": true}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(answer).path("youAreOnCall").asBoolean()).isTrue();
        assertThat(handles(roster(other).path("now"))).containsExactly(mod.member().handle());
        assertThat(roster(other).path("youAreOnCall").asBoolean()).isFalse();
        assertThat(page(other, "/moderation")).contains(mod.member().handle()).contains("Go on call");
        assertThat(page(mod, "/moderation")).contains("Go off call");
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ? AND action = 'ON_CALL'").param(mod.id())
                .query(Integer.class).single()).isEqualTo(1);

        mvc.perform(post("/moderation/on-call").with(user(mod.user())).with(csrf()).param("onCall", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(handles(roster(other).path("now"))).isEmpty();
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
        TestMembers.Created admin = members.withRole("ADMIN");
        TestMembers.Created today = members.withRole("MODERATOR");
        TestMembers.Created tomorrow = members.withRole("MODERATOR");
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        String todayName = date.getDayOfWeek().name();
        String tomorrowName = date.plusDays(1).getDayOfWeek().name();

        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", today.id().toString())
                .param("day", todayName).param("start", "00:00").param("end", "24:00")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", tomorrow.id().toString())
                .param("day", tomorrowName).param("start", "09:00").param("end", "17:30")).andExpect(status().is3xxRedirection());
        // Ends before it starts: refused, nothing added.
        mvc.perform(post("/admin/alerts/rota").with(user(admin.user())).with(csrf()).param("memberId", tomorrow.id().toString())
                        .param("day", tomorrowName).param("start", "18:00").param("end", "09:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).asString().contains("must end after it starts"));
        assertThat(jdbc.sql("SELECT count(*) FROM safety_rota").query(Integer.class).single()).isEqualTo(2);

        JsonNode roster = roster(tomorrow);
        assertThat(handles(roster.path("now"))).containsExactly(today.member().handle());
        assertThat(roster.path("next").path("handle").asString()).isEqualTo(tomorrow.member().handle());
        assertThat(Instant.parse(roster.path("nextFrom").asString()))
                .isEqualTo(date.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));

        String adminPage = page(admin, "/admin/alerts");
        assertThat(adminPage).contains(today.member().handle()).contains(tomorrow.member().handle()).contains("17:30").contains("24:00")
                .contains("not configured");
        assertThat(page(today, "/moderation")).contains("Go off call").contains(tomorrow.member().handle());

        // A moderator whose role is taken back is on call no more, rota or not.
        accounts.revoke(admin.id(), today.id(), "MODERATOR");
        assertThat(handles(roster(tomorrow).path("now"))).isEmpty();

        UUID slot = jdbc.sql("SELECT id FROM safety_rota WHERE member_id = ?").param(tomorrow.id()).query(UUID.class).single();
        mvc.perform(post("/admin/alerts/rota/" + slot + "/delete").with(user(admin.user())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(roster(tomorrow).path("next").isMissingNode() || roster(tomorrow).path("next").isNull()).isTrue();
    }

    @Test
    void onlyAdminsSetTheRota() throws Exception {
        TestMembers.Created mod = members.withRole("MODERATOR");
        mvc.perform(get("/admin/alerts").with(user(mod.user()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/alerts/rota").with(user(mod.user())).with(csrf()).param("memberId", mod.id().toString())
                .param("day", "MONDAY").param("start", "00:00").param("end", "24:00")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM safety_rota").query(Integer.class).single()).isZero();
    }
}
