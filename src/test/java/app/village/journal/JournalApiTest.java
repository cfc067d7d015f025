package app.village.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import app.village.accounts.ChildProfile;
import app.village.accounts.ContentChoice;
import app.village.accounts.domain.AccountService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** The journal's JSON API on the real database: what it accepts, what it refuses and that nothing half-saves. */
@VillageIntegrationTest
@RecordApplicationEvents
class JournalApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String BABY = "00000000-0000-0000-0000-000000000000";

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestMembers.Created as, String body) {
        return request.with(user(as.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String checkIn(int mood, String extra) {
        return "{\"mood\":" + mood + ",\"timeZone\":\"UTC\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private long rows(TestMembers.Created m) {
        return jdbc.sql("SELECT count(*) FROM journal_check_ins WHERE member_id = ?").param(m.id()).query(Long.class).single();
    }

    @Test
    void aCheckInIsCreatedThenASecondOneForTheDayEditsIt() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(6,
                        "\"closeness\":{\"" + BABY + "\":8},\"sleepHours\":5.5,\"medication\":\"taken\",\"note\":\"A calm walk.\"")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/journal/check-ins/" + TODAY))
                .andExpect(jsonPath("$.mood").value(6))
                .andExpect(jsonPath("$.closeness['" + BABY + "']").value(8))
                .andExpect(jsonPath("$.sleepHours").value(5.5))
                .andExpect(jsonPath("$.medication").value("TAKEN"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(4, "\"medication\":\"MISSED\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mood").value(4))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.note").doesNotExist());
        assertThat(rows(ann)).isEqualTo(1);
        mvc.perform(get("/api/journal/check-ins").with(user(ann.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].mood").value(4));
        // The time zone was kept for next time.
        assertThat(jdbc.sql("SELECT time_zone FROM journal_preferences WHERE member_id = ?").param(ann.id())
                .query(String.class).single()).isEqualTo("UTC");

        // A stale version is refused; the same answers sent again with it (a retry) are not.
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(9, "\"version\":0")))
                .andExpect(status().isConflict()).andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(4, "\"medication\":\"MISSED\",\"version\":0")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/journal/check-ins/" + TODAY).with(user(ann.user()))).andExpect(jsonPath("$.mood").value(4));

        mvc.perform(delete("/api/journal/check-ins/" + TODAY).with(user(ann.user())).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/journal/check-ins/" + TODAY).with(user(ann.user()))).andExpect(status().isNotFound());
    }

    @Test
    void closenessIsAskedPerChildOnTheProfile() throws Exception {
        TestMembers.Created ann = members.mother();
        ChildProfile sam = accounts.addChild(ann.id(), "Sam", "2026-01");
        ChildProfile noor = accounts.addChild(ann.id(), "Noor", "2024-05");
        mvc.perform(get("/api/journal/today").param("timeZone", "UTC").with(user(ann.user())))
                .andExpect(jsonPath("$.today").value(TODAY.toString()))
                .andExpect(jsonPath("$.rated.length()").value(2))
                .andExpect(jsonPath("$.rated[*].name").value(org.hamcrest.Matchers.containsInAnyOrder("Sam", "Noor")));
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY.minusDays(1)), ann,
                        checkIn(5, "\"closeness\":{\"" + sam.id() + "\":9,\"" + noor.id() + "\":\"4\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.closeness['" + sam.id() + "']").value(9))
                .andExpect(jsonPath("$.closeness['" + noor.id() + "']").value(4));
        // Noor leaves the profile: an edit of that day no longer asks about her, and keeps what was said.
        accounts.removeChild(ann.id(), noor.id());
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY.minusDays(1)), ann,
                        checkIn(6, "\"closeness\":{\"" + sam.id() + "\":7}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closeness['" + sam.id() + "']").value(7))
                .andExpect(jsonPath("$.closeness['" + noor.id() + "']").value(4));
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY.minusDays(1)), ann,
                        checkIn(6, "\"closeness\":{\"" + noor.id() + "\":1}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("closeness"));
        // "your baby" is not on this profile, so it is refused rather than stored under no one.
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(5, "\"closeness\":{\"" + BABY + "\":9}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("closeness"));
    }

    @Test
    void badValuesAreRefusedClearlyAndNothingIsWritten() throws Exception {
        TestMembers.Created ann = members.mother();
        String day = "/api/journal/check-ins/" + TODAY;
        Object[][] cases = {
                {day, "{\"timeZone\":\"UTC\"}", "mood", "Mood is missing"},
                {day, checkIn(11, ""), "mood", "from 0 to 10, not 11"},
                {day, checkIn(-1, ""), "mood", "from 0 to 10"},
                {day, "{\"mood\":\"six\"}", "mood", "whole number"},
                {day, "{\"mood\":6.5}", "mood", "whole number"},
                {day, "{\"mood\":true}", "mood", "must be a number"},
                {day, checkIn(5, "\"closeness\":{\"" + BABY + "\":12}"), "closeness", "from 0 to 10"},
                {day, checkIn(5, "\"closeness\":{\"not-a-uuid\":5}"), "closeness", "child ids"},
                {day, checkIn(5, "\"sleepHours\":25"), "sleepHours", "from 0 to 24"},
                {day, checkIn(5, "\"sleepHours\":-1"), "sleepHours", "from 0 to 24"},
                {day, checkIn(5, "\"sleepHours\":6.125"), "sleepHours", "two decimals"},
                {day, checkIn(5, "\"sleepHours\":\"lots\""), "sleepHours", "a number"},
                {day, checkIn(5, "\"medication\":\"maybe\""), "medication", "TAKEN, MISSED or NOT_ON_MEDICATION"},
                {day, checkIn(5, "\"note\":\"" + "x".repeat(2001) + "\""), "note", "2001 characters"},
                {day, checkIn(5, "\"note\":\"bell\\u0007\""), "note", "control characters"},
                {"/api/journal/check-ins/" + TODAY.plusDays(2), checkIn(5, ""), "day", "has not come yet"},
                {"/api/journal/check-ins/" + TODAY.minusDays(8), checkIn(5, ""), "day", "7 days before"},
                {"/api/journal/check-ins/yesterday", checkIn(5, ""), "day", "date like"},
        };
        for (Object[] c : cases) {
            mvc.perform(json(put((String) c[0]), ann, (String) c[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.field").value((String) c[2]))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString((String) c[3])));
        }
        mvc.perform(json(put(day), ann, "{\"mood\": 5,")).andExpect(status().isBadRequest());
        assertThat(rows(ann)).isZero();
        // The edges are accepted: seven days back, 0 and 10, 24 hours.
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY.minusDays(7)), ann, checkIn(0, "\"sleepHours\":24")))
                .andExpect(status().isCreated());
        mvc.perform(json(put(day), ann, checkIn(10, "\"sleepHours\":\"6,5\""))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sleepHours").value(6.5));
        // An old day that has a check-in may still be corrected... once it exists. Older than a week, it cannot be added.
        assertThat(rows(ann)).isEqualTo(2);
    }

    @Test
    void entriesAreWrittenSearchedEditedAndDeleted() throws Exception {
        TestMembers.Created ann = members.mother();
        String key = UUID.randomUUID().toString();
        String body = "{\"body\":\"The baby cried all afternoon and I cried with her. Then the sun came out.\"}";
        String first = mvc.perform(json(post("/api/journal/entries"), ann, body).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(first, "$.id");
        // A retry with the same key is the same entry, not a second one.
        mvc.perform(json(post("/api/journal/entries"), ann, body).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"Quiet day. Tea and a nap.\"}")).andExpect(status().isCreated());

        // English stemming: "crying" finds "cried".
        mvc.perform(get("/api/journal/entries").param("q", "crying").with(user(ann.user())))
                .andExpect(jsonPath("$.entries.length()").value(1)).andExpect(jsonPath("$.entries[0].id").value(id));
        mvc.perform(get("/api/journal/entries").param("q", "\"sun came\" -rain").with(user(ann.user())))
                .andExpect(jsonPath("$.entries.length()").value(1));
        mvc.perform(get("/api/journal/entries").param("q", "'); DROP TABLE journal_entries; --").with(user(ann.user())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries.length()").value(0));
        mvc.perform(get("/api/journal/entries").with(user(ann.user()))).andExpect(jsonPath("$.entries.length()").value(2));

        mvc.perform(json(put("/api/journal/entries/" + id), ann, "{\"body\":\"Edited.\",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put("/api/journal/entries/" + id), ann, "{\"body\":\"From the other phone.\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(json(put("/api/journal/entries/" + id), ann, "{\"body\":\"No version.\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
        mvc.perform(get("/api/journal/entries/" + id).with(user(ann.user()))).andExpect(jsonPath("$.body").value("Edited."));

        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"" + "a".repeat(50_001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("50000")));
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"   \"}")).andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"ok\"}").header("Idempotency-Key", "nope"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("Idempotency-Key"));
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"" + "a".repeat(50_000) + "\"}")).andExpect(status().isCreated());

        mvc.perform(delete("/api/journal/entries/" + id).with(user(ann.user())).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/journal/entries/" + id).with(user(ann.user()))).andExpect(status().isNotFound());
    }

    @Test
    void anUrgentEntryIsHeardAndOnlyAskingForSupportTellsTheModerators() throws Exception {
        TestMembers.Created ann = members.mother();
        String created = mvc.perform(json(post("/api/journal/entries"), ann,
                        "{\"body\":\"Up every two hours. Some nights I think everyone would be better off without me.\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(post("/api/journal/entries/" + id + "/understanding").with(user(ann.user())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("urgent"))
                .andExpect(jsonPath("$.urgent").value(true))
                .andExpect(jsonPath("$.crisisHelp").value("/help"))
                .andExpect(jsonPath("$.note").value(org.hamcrest.Matchers.containsString("not a diagnosis")));
        assertThat(events.stream(SupportRequested.class).filter(e -> e.memberId().equals(ann.id()))).isEmpty();

        mvc.perform(post("/api/journal/entries/" + id + "/support-requests").with(user(ann.user())).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.new").value(true));
        mvc.perform(post("/api/journal/entries/" + id + "/support-requests").with(user(ann.user())).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.new").value(false));
        assertThat(events.stream(SupportRequested.class).filter(e -> e.memberId().equals(ann.id())).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.riskLevel()).isEqualTo("urgent");
                    assertThat(e.reasonCodes()).contains("self_harm");
                    assertThat(e.toString()).doesNotContain("better off");
                });
    }

    @Test
    void theJournalIsExportedWithTheAccountAndErasedWithIt() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(7, ""))).andExpect(status().isCreated());
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"Only for me, about the garden.\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/journal/export").with(user(ann.user())))
                .andExpect(jsonPath("$.checkIns[0].mood").value(7))
                .andExpect(jsonPath("$.entries[0].body").value("Only for me, about the garden."))
                .andExpect(jsonPath("$.timeZone").value("UTC"));
        String account = mvc.perform(get("/account/export").with(user(ann.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(account, "$.journal.entries[0].body")).isEqualTo("Only for me, about the garden.");

        accounts.erase(ann.id(), TestMembers.PASSWORD, ContentChoice.ANONYMISE);
        for (String table : new String[]{"journal_check_ins", "journal_entries", "journal_preferences"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE member_id = ?").param(ann.id()).query(Long.class).single())
                    .as(table).isZero();
        }
    }

    @Test
    void deletingTheWholeJournalNeedsConfirmation() throws Exception {
        TestMembers.Created ann = members.mother();
        mvc.perform(json(put("/api/journal/check-ins/" + TODAY), ann, checkIn(7, ""))).andExpect(status().isCreated());
        mvc.perform(json(post("/api/journal/entries"), ann, "{\"body\":\"Something.\"}")).andExpect(status().isCreated());
        mvc.perform(delete("/api/journal").with(user(ann.user())).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("confirm"));
        assertThat(rows(ann)).isEqualTo(1);
        mvc.perform(delete("/api/journal").param("confirm", "yes").with(user(ann.user())).with(csrf())).andExpect(status().isNoContent());
        assertThat(rows(ann)).isZero();
        mvc.perform(get("/api/journal/entries").with(user(ann.user()))).andExpect(jsonPath("$.entries.length()").value(0));
    }
}
