package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import app.village.screening.ScreeningFixtures;
import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * A parent takes questionnaires in real Chromium: the PHQ-9 one question at a time on a phone
 * with a self-harm answer (the crisis panel must be on the result at once), again on a desktop
 * with every question on one page, and then sees both results on the history chart.
 */
@VillageIntegrationTest
@TestPropertySource(properties = {"village.data-dir=target/test-data-screening-browser",
        "village.screening.epds-wording=" + ScreeningFixtures.EPDS_WORDING})
@Tag("browser")
class ScreeningJourneyTest extends ChromiumJourney {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Autowired
    TestMembers members;

    @Test
    void phq9WithASelfHarmAnswerShowsTheCrisisPanelAndTheHistoryChartsTwoResults() throws Exception {
        TestMembers.Created parent = members.mother();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB"))) {
            phone.setDefaultTimeout(15_000);
            Page page = phone.newPage();
            signIn(page, parent.email());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Questionnaires")).first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Questionnaires").setLevel(1))).isVisible();
            // The EPDS is offered here because this context has (placeholder) operator wording.
            assertThat(page.locator(".screening-list li")).hasCount(4);
            assertThat(page.getByText("9 questions, about 2 minutes")).isVisible();
            shot(page, "screening-01-list");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patient Health Questionnaire (PHQ-9)")).click();

            // One question per screen: answering moves on; the submit button appears only at the end.
            Locator progress = page.locator(".progress");
            // The PHQ-9 has 9 items; its optional "how difficult" question after them is not one.
            assertThat(progress).hasText("Question 1 of 9");
            assertThat(page.locator("fieldset.question:visible")).hasCount(1);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result"))).isHidden();
            shot(page, "screening-02-phone-question");
            String[] answers = {"Several days", "More than half the days", "Several days", "Nearly every day", "Not at all",
                    "Several days", "Several days", "Not at all", "Several days"}; // 1+2+1+3+0+1+1+0+1 = 10
            for (int i = 0; i < answers.length; i++) {
                Locator group = page.getByRole(AriaRole.GROUP).filter(new Locator.FilterOptions().setVisible(true));
                assertThat(group).hasCount(1);
                group.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answers[i]).setExact(true)).check();
                assertThat(progress).hasText(i < 8 ? "Question " + (i + 2) + " of 9" : "One more question, not part of the score");
            }
            // "Back" returns to item 9 with its answer kept, "Next" goes on to the optional last question.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back")).click();
            assertThat(progress).hasText("Question 9 of 9");
            Locator severalDays = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Several days").setExact(true));
            assertThat(severalDays).isChecked();
            // Arrow keys look through the answers without moving on (only a tap moves on by itself).
            severalDays.focus();
            page.keyboard().press("ArrowDown");
            assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("More than half the days"))).isChecked();
            page.waitForTimeout(800);
            assertThat(progress).hasText("Question 9 of 9");
            page.keyboard().press("ArrowUp");
            assertThat(severalDays).isChecked();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(progress).hasText("One more question, not part of the score");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Somewhat difficult")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();

            assertThat(page).hasURL(java.util.regex.Pattern.compile("/screening/results/[0-9a-f-]{36}$"));
            assertThat(page.locator(".reading .headline")).hasText("Your answers suggest you may be depressed.");
            Locator crisis = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("You don't have to carry this alone"));
            assertThat(crisis).isVisible();
            assertThat(crisis.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("116 123"))).hasAttribute("href", "tel:116123");
            assertThat(page.locator("main")).containsText("Your score is 10 out of 27 (moderate).");
            assertThat(page.locator("main")).containsText("This is not a diagnosis");
            assertThat(page.locator("main")).containsText("Please tell someone today");
            shot(page, "screening-03-result-with-crisis-panel");
        }

        try (BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"))) {
            desktop.setDefaultTimeout(15_000);
            Page page = desktop.newPage();
            signIn(page, parent.email());
            page.navigate(url("/screening/phq-9"));
            // Every question on one page on a desktop.
            assertThat(page.locator("fieldset.question:visible")).hasCount(10);
            assertThat(page.locator(".progress")).isHidden();
            // A forgotten question is named, and the answers given are kept.
            List<Locator> groups = page.getByRole(AriaRole.GROUP).all();
            for (int i = 0; i < 8; i++) {
                groups.get(i).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Not at all")).check();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please answer every question");
            assertThat(page.locator("#q-phq9-9 .field-error")).hasText("Not answered yet.");
            assertThat(page.locator("#q-phq9-1").getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Not at all"))).isChecked();
            page.locator("#q-phq9-9").getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Not at all")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
            assertThat(page.locator(".reading .headline")).hasText("Your answers don't suggest depression at the moment.");
            assertThat(page.locator("#crisis-panel")).hasCount(0);
            assertThat(page.locator("main")).containsText("You don't need a score to ask for help.");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your results over time")).click();
            Locator phq9 = page.locator("section.history[data-instrument=phq-9]");
            assertThat(phq9.locator("svg.chart circle")).hasCount(2);
            assertThat(phq9.locator("svg.chart .cutoff-line text")).hasText("cut-off 10: possible depression");
            assertThat(phq9.locator("svg.chart polyline")).hasCount(1);
            assertThat(phq9.locator("table tbody tr")).hasCount(2);
            assertThat(phq9.locator("table tbody tr").first()).containsText("0 of 27");
            assertThat(phq9.locator("table tbody tr").last()).containsText("10 of 27");
            String label = phq9.locator("svg.chart").getAttribute("aria-label");
            assertEquals(true, label.contains("2 results"), label);
            shot(page, "screening-04-history-chart");

            // The EPDS with the operator's (here placeholder) wording: shown on the page, never in the FHIR export.
            page.navigate(url("/screening/epds"));
            assertThat(page.getByRole(AriaRole.GROUP)).hasCount(10);
            List<Locator> epds = page.getByRole(AriaRole.GROUP).all();
            for (Locator group : epds) {
                group.getByRole(AriaRole.RADIO).first().check();
            }
            assertThat(epds.get(9)).containsText("Placeholder statement 10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See my result")).click();
            // First options everywhere: 21 of 30, and item 10 above zero, so the crisis panel.
            assertThat(page.locator("main")).containsText("Your score is 21 out of 30.");
            assertThat(page.locator("#crisis-panel")).isVisible();
            // The link saves a named file rather than opening raw JSON in the tab.
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download for a clinician (FHIR)")).click());
            assertEquals(true, download.suggestedFilename().matches("village-epds-\\d{4}-\\d{2}-\\d{2}\\.fhir\\.json"),
                    download.suggestedFilename());
            String fhir = java.nio.file.Files.readString(download.path());
            assertEquals(true, fhir.contains("\"valueInteger\": 21"), fhir);
            assertEquals(false, fhir.contains("Placeholder"), "operator wording must not leave in an export");
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
