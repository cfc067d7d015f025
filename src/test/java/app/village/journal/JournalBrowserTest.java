package app.village.journal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * A parent on a phone in Auckland (so "today" is not the server's UTC day) checks in for seven
 * days, two of them with a missed dose, and sees the chart draw them, missed days marked.
 */
@VillageIntegrationTest
@TestPropertySource(properties = "village.data-dir=target/test-data-journal-browser")
@Tag("browser")
class JournalBrowserTest extends ChromiumJourney {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Autowired
    TestMembers members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sevenCheckInsOnAPhoneDrawAChartWithTheMissedDosesMarked() {
        TestMembers.Created ann = members.mother();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale("en-NZ").setTimezoneId(AUCKLAND.getId()))) {
            phone.setDefaultTimeout(15_000);
            Page page = phone.newPage();
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    problems.add(m.text());
                }
            });

            page.navigate(url("/signin"));
            page.getByLabel("Email").fill(ann.email());
            page.getByLabel("Password").fill(TestMembers.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/feed"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal").setExact(true)).click();
            // The page was drawn for UTC; the browser says Auckland, so it is drawn once more for Auckland's day.
            page.waitForURL(Pattern.compile("/journal\\?tz=Pacific%2FAuckland$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your journal"))).isVisible();
            assertThat(page.locator("form.check-in")).hasAttribute("data-zone", AUCKLAND.getId());

            LocalDate today = LocalDate.now(AUCKLAND);
            Set<Integer> missed = Set.of(1, 4);
            for (int back = 6; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                page.navigate(url("/journal/check-in"));
                page.getByLabel("Which day is this for?").selectOption(day.toString());
                choose(page, "Mood", String.valueOf(3 + (6 - back)));
                choose(page, "Closeness to your baby", String.valueOf(4 + back % 3));
                page.getByLabel("Hours slept").fill(back % 2 == 0 ? "6.5" : "4");
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(missed.contains(back) ? "Missed" : "Taken")
                        .setExact(true)).check();
                if (back == 6) {
                    page.getByLabel("A note for yourself").fill("First check-in <b>not bold</b>");
                    shot(page, "journal-01-check-in");
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in")).click();
                assertThat(page).hasURL(url("/journal"));
                assertThat(page.locator(".notice")).containsText("Check-in saved for");
            }
            assertThat(jdbc.sql("SELECT time_zone FROM journal_preferences WHERE member_id = ?").param(ann.id())
                    .query(String.class).single()).isEqualTo(AUCKLAND.getId());

            // A second check-in for a day changes the first.
            page.navigate(url("/journal/check-in?day=" + today));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Change a check-in"))).isVisible();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Mood"))
                    .getByLabel("9", new Locator.GetByLabelOptions().setExact(true))).isChecked();
            choose(page, "Mood", "8");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.locator(".notice")).containsText("Check-in updated for Today");
            assertThat(jdbc.sql("SELECT count(*) FROM journal_check_ins WHERE member_id = ?").param(ann.id())
                    .query(Long.class).single()).isEqualTo(7L);

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Journal"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Charts")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 7 days")).click();
            assertThat(page).hasURL(url("/journal/charts?range=7"));
            assertThat(page.locator("#chart-summary")).containsText("7 check-ins in the last 7 days");
            assertThat(page.locator("#chart-summary")).containsText("Medication was missed on 2 days");
            Locator mood = page.locator("#chart-mood svg");
            assertThat(mood).isVisible();
            assertThat(mood).hasAttribute("role", "img");
            assertThat(mood.locator(".line path")).hasCount(1);
            assertThat(mood.locator(".line circle")).hasCount(7);
            assertThat(mood.locator(".missed-dose")).hasCount(2);
            assertThat(mood.locator(".missed-dose title").first()).hasText(Pattern.compile(": dose missed$"));
            assertThat(page.locator("#chart-closeness svg .missed-dose")).hasCount(2);
            assertThat(page.locator("#chart-sleep svg .line circle")).hasCount(7);
            // The line is really drawn: its box spans most of the plot's width.
            double lineWidth = mood.locator(".line path").boundingBox().width;
            double plotWidth = mood.boundingBox().width;
            assertThat(lineWidth / plotWidth).isGreaterThan(0.7);
            shot(page, "journal-02-chart-7-days");

            page.getByText("The numbers as a table").click();
            Locator rows = page.locator("details.data-table tbody tr");
            assertThat(rows).hasCount(7);
            assertThat(page.locator("details.data-table tbody tr.missed-row")).hasCount(2);
            assertThat(rows.first()).containsText("8");
            assertThat(page.locator("details.data-table tbody tr.missed-row").first()).containsText("Missed");
            shot(page, "journal-03-chart-table");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All time")).click();
            assertThat(page.locator("#chart-mood svg .line circle")).hasCount(7);

            // An entry, found again by search, and what Village hears in it: for the writer alone.
            page.navigate(url("/journal/entries/new"));
            page.getByLabel("Your entry").fill("I don't feel close to him yet and I cry most evenings.\n\nThe walk helped a little.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
            assertThat(page.locator(".story p")).hasText(new String[]{"I don't feel close to him yet and I cry most evenings.",
                    "The walk helped a little."});
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What does Village hear in this?")).click();
            Locator heard = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What we heard"));
            assertThat(heard).containsText("not a diagnosis");
            assertThat(heard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask a moderator to reach out to me")))
                    .isVisible();
            shot(page, "journal-04-what-we-heard");
            page.navigate(url("/journal/entries"));
            page.getByLabel("Search your entries").fill("crying");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("article.entry-card")).hasCount(1);
            assertThat(problems).as("console errors (a CSP violation would show here)").isEmpty();
        }
    }

    /** Taps a number on one of the 0-10 scales, as a thumb would: on its visible label. */
    private static void choose(Page page, String scale, String value) {
        Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(scale));
        group.locator(".scale-options span").getByText(value, new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(group.getByLabel(value, new Locator.GetByLabelOptions().setExact(true))).isChecked();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
