package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

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

import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * Real Chromium: a mother writes about her husband and their son on a phone, and under her post she
 * finds the guides matched to it with their reasons; she opens one, reads its sources, and searches the library.
 */
@VillageIntegrationTest
@TestPropertySource(properties = "village.data-dir=target/test-data-guidance-browser")
@Tag("browser")
class GuidanceBrowserTest extends ChromiumJourney {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Autowired
    TestMembers members;

    @Test
    void aPostShowsItsWriterTheGuidesThatFitWithTheirReasons() {
        TestMembers.Created mother = members.mother();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB"))) {
            phone.setDefaultTimeout(15_000);
            Page page = phone.newPage();
            page.navigate(url("/signin"));
            page.getByLabel("Email").fill(mother.email());
            page.getByLabel("Password").fill(TestMembers.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/feed"));

            page.navigate(url("/posts/new"));
            page.getByLabel("Title").fill("My husband and our son");
            page.getByLabel("Your story").fill("My husband hasn't bonded with our 5 month old son at all. The baby screams whenever "
                    + "my husband holds him. We have tried skin to skin, time alone together and walks.\n\n"
                    + "Our marriage is suffering and I don't know how to help him.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
            assertThat(page).hasURL(Pattern.compile("/posts/[0-9a-f-]{36}$"));

            // The post is read in the background; the page puts the guides in by itself once it has been read.
            Locator help = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What might help"));
            Locator guide = help.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("When your partner struggles to bond"));
            assertThat(guide).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(guide).hasAttribute("href", "/guides/when-your-partner-struggles-to-bond");
            assertThat(help).containsText("Because you wrote about your husband finding it hard to bond with your baby and the baby crying in his arms.");
            assertThat(help).containsText("not a diagnosis");
            help.scrollIntoViewIfNeeded();
            shot(page, "guidance-01-post-with-guides");

            guide.click();
            assertThat(page).hasURL(url("/guides/when-your-partner-struggles-to-bond"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("When your partner struggles to bond").setLevel(1))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Where this comes from"))).isVisible();
            Locator source = page.locator(".guide-sources a").first();
            assertThat(source).hasAttribute("href", Pattern.compile("^https://"));
            assertThat(source).hasAttribute("rel", "noopener noreferrer");
            assertThat(page.locator(".guide-sources")).containsText("How strong the evidence is:");
            shot(page, "guidance-02-guide");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All guides")).click();
            assertThat(page).hasURL(url("/guides"));
            page.getByLabel("Search the guides").fill("goodbyes");
            page.getByLabel("Theme").selectOption("separation_distress");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page).hasURL(Pattern.compile("/guides\\?q=goodbyes&theme=separation_distress$"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Separation upset and goodbye rituals"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The period of PURPLE crying"))).hasCount(0);
            shot(page, "guidance-03-library-search");
        }
    }

    @Test
    void theLibraryIsOpenWithoutAnAccountOnADesktop() {
        try (BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"))) {
            Page page = desktop.newPage();
            page.navigate(url("/"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Guides").setExact(true)).click();
            assertThat(page).hasURL(url("/guides"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Guides: what helps"))).isVisible();
            assertThat(page.locator("article.guide-card")).not().hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("When to get urgent help")).click();
            assertThat(page.locator("main")).containsText("999");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Need help now?")).first()).isVisible();
            shot(page, "guidance-04-urgent-help-guide");
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
