package app.village.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.village.journal.domain.CheckInDraft;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.EntryService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** The journal's pages as a member meets them: forms that keep what was typed, charts, "what we heard". */
@VillageIntegrationTest
class JournalPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CheckInService checkIns;
    @Autowired EntryService entries;
    @Autowired JdbcClient jdbc;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private String page(TestMembers.Created as, String url) throws Exception {
        return mvc.perform(get(url).with(user(as.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCheckInFromTheFormIsSavedAndAMistakeKeepsWhatWasChosen() throws Exception {
        TestMembers.Created ann = members.mother();
        String home = page(ann, "/journal?tz=UTC");
        assertThat(home).contains("Which day is this for?").contains("name=\"mood\"").contains("Closeness to <span>your baby</span>")
                .contains("closeness-00000000-0000-0000-0000-000000000000").contains("Not on medication");

        String refused = mvc.perform(post("/journal/check-in").with(user(ann.user())).with(csrf())
                        .param("day", TODAY.toString()).param("mood", "7").param("sleepHours", "30").param("medication", "TAKEN")
                        .param("note", "Kept <b>as typed</b>").param("timeZone", "UTC"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Hours slept must be from 0 to 24.").contains("value=\"30\"")
                .contains("Kept &lt;b&gt;as typed&lt;/b&gt;").containsPattern("value=\"7\"\\s+required\\s+checked");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_check_ins WHERE member_id = ?").param(ann.id()).query(Long.class).single()).isZero();

        mvc.perform(post("/journal/check-in").with(user(ann.user())).with(csrf())
                        .param("day", TODAY.toString()).param("mood", "7").param("sleepHours", "6.5").param("medication", "MISSED")
                        .param("closeness-00000000-0000-0000-0000-000000000000", "8").param("timeZone", "UTC"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/journal"));
        // A double tap sends the same form again: still one check-in, nothing lost.
        mvc.perform(post("/journal/check-in").with(user(ann.user())).with(csrf())
                        .param("day", TODAY.toString()).param("mood", "7").param("sleepHours", "6.5").param("medication", "MISSED")
                        .param("closeness-00000000-0000-0000-0000-000000000000", "8").param("timeZone", "UTC"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM journal_check_ins WHERE member_id = ?").param(ann.id()).query(Long.class).single())
                .isEqualTo(1);
        String edit = page(ann, "/journal/check-in?day=" + TODAY);
        assertThat(edit).contains("Change a check-in").contains("name=\"version\" value=\"1\"").contains("value=\"6.5\"");
    }

    /** A real zone where it is now about one in the morning, whatever the time of the test run. */
    private static String zoneAtOneInTheMorning() {
        int utcHour = java.time.ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(1 - utcHour, 24);
        if (offset > 14) {
            offset -= 24;
        }
        // IANA's Etc zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    @Test
    void justAfterMidnightTheFormAsksWhichDayIsMeant() throws Exception {
        TestMembers.Created ann = members.mother();
        String zone = zoneAtOneInTheMorning();
        LocalDate localToday = LocalDate.now(java.time.ZoneId.of(zone));
        String home = page(ann, "/journal?tz=" + zone);
        assertThat(home).contains("It is just after midnight").contains("<option value=\"\" selected=\"selected\">Choose the day</option>")
                .contains("value=\"" + localToday.minusDays(1) + "\">Yesterday, ");
        String refused = mvc.perform(post("/journal/check-in").with(user(ann.user())).with(csrf())
                        .param("day", "").param("mood", "4").param("timeZone", zone))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Choose the day this check-in is for.");
        mvc.perform(post("/journal/check-in").with(user(ann.user())).with(csrf())
                        .param("day", localToday.minusDays(1).toString()).param("mood", "4").param("timeZone", zone))
                .andExpect(status().is3xxRedirection());
        assertThat(checkIns.find(ann.id(), localToday.minusDays(1))).isPresent();
    }

    @Test
    void theChartsPageDrawsEveryRangeWithMissedDosesAndATable() throws Exception {
        TestMembers.Created ann = members.mother();
        for (int i = 6; i >= 0; i--) {
            checkIns.save(ann.id(), new CheckInDraft(TODAY.minusDays(i).toString(), String.valueOf(3 + i % 5), null, "7",
                    i % 3 == 0 ? "MISSED" : "TAKEN", null, null, "UTC"));
        }
        String week = page(ann, "/journal/charts?range=7");
        assertThat(week).contains("<svg").contains("role=\"img\"").contains("7 check-ins in the last 7 days")
                .contains("Medication was missed on 3 days").contains("The numbers as a table");
        assertThat(week.split("class=\"missed-dose\"", -1)).hasSize(3 * 3 + 1);
        assertThat(week.split("<tr class=\"missed-row\"", -1)).hasSize(3 + 1);
        for (String range : new String[]{"30", "90", "all"}) {
            assertThat(page(ann, "/journal/charts?range=" + range)).contains("<svg").contains("7 check-ins");
        }
        mvc.perform(get("/journal/charts?range=365").with(user(ann.user()))).andExpect(status().isBadRequest());
        assertThat(page(members.father(), "/journal/charts")).contains("No check-ins in this range yet.").doesNotContain("<svg");
    }

    @Test
    void anUrgentEntryShowsTheCrisisPanelAndSupportIsTheWritersChoice() throws Exception {
        TestMembers.Created ann = members.mother();
        UUID id = entries.write(ann.id(), "Up every two hours. Some nights I think everyone would be better off without me.", null).id();
        String before = page(ann, "/journal/entries/" + id);
        assertThat(before).contains("What does Village hear in this?").doesNotContain("crisis-panel");
        String heard = mvc.perform(post("/journal/entries/" + id + "/understanding").with(user(ann.user())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(heard).contains("id=\"crisis-panel\"").contains("have to carry this alone")
                .contains("What we heard").contains("not a diagnosis").contains("Ask a moderator to reach out to me");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_support_requests WHERE member_id = ?").param(ann.id()).query(Long.class).single())
                .isZero();
        mvc.perform(post("/journal/entries/" + id + "/support").with(user(ann.user())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM journal_support_requests WHERE member_id = ?").param(ann.id()).query(Long.class).single())
                .isEqualTo(1);

        UUID calm = entries.write(ann.id(), "We went to the park and she laughed at the ducks.", null).id();
        String calmHeard = mvc.perform(post("/journal/entries/" + calm + "/understanding").with(user(ann.user())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(calmHeard).contains("What we heard").doesNotContain("id=\"crisis-panel\"");
    }

    @Test
    void entriesAreWrittenFoundEditedAndAStaleEditKeepsTheText() throws Exception {
        TestMembers.Created ann = members.mother();
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/journal/entries").with(user(ann.user())).with(csrf()).param("body", "Bath time went well.")
                .param("submissionKey", key)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/journal/entries").with(user(ann.user())).with(csrf()).param("body", "Bath time went well.")
                .param("submissionKey", key)).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("SELECT id FROM journal_entries WHERE member_id = ?").param(ann.id()).query(UUID.class).single();
        assertThat(page(ann, "/journal/entries?q=baths")).contains("Bath time went well.");
        assertThat(page(ann, "/journal/entries?q=tantrum")).contains("No entry matches that search.");

        String empty = mvc.perform(post("/journal/entries").with(user(ann.user())).with(csrf()).param("body", " ")
                .param("submissionKey", UUID.randomUUID().toString())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Your entry is empty.");

        entries.edit(ann.id(), id, 0, "Changed on the phone.");
        String stale = mvc.perform(post("/journal/entries/" + id + "/edit").with(user(ann.user())).with(csrf())
                        .param("body", "Changed on the laptop.").param("version", "0"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("changed meanwhile").contains("Changed on the laptop.").contains("name=\"version\" value=\"1\"");
        assertThat(entries.get(ann.id(), id).body()).isEqualTo("Changed on the phone.");
    }

    @Test
    void deletingTheJournalFromThePageNeedsTheBoxTicked() throws Exception {
        TestMembers.Created ann = members.mother();
        entries.write(ann.id(), "Something to keep.", null);
        assertThat(page(ann, "/journal/data")).contains("Check-ins as CSV").contains("I understand that this cannot be undone");
        mvc.perform(post("/journal/delete").with(user(ann.user())).with(csrf())).andExpect(status().isBadRequest());
        assertThat(entries.list(ann.id(), null, 1).entries()).hasSize(1);
        mvc.perform(post("/journal/delete").with(user(ann.user())).with(csrf()).param("confirm", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(entries.list(ann.id(), null, 1).entries()).isEmpty();
    }
}
