package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** A moderator goes on call and off call from the queue page in real Chromium; another moderator sees it. */
@VillageIntegrationTest
// The same context as BrowserJourneyTest (no MockMvc csrf() in it), so no extra start.
@TestPropertySource(properties = "village.data-dir=target/test-data-browser")
@Tag("browser")
class OnCallBrowserTest extends ChromiumJourney {

    @Autowired
    TestMembers members;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aModeratorGoesOnCallFromTheQueuePageAndAnotherSeesIt() {
        TestMembers.Created mod = members.withRole("MODERATOR");
        TestMembers.Created colleague = members.withRole("MODERATOR");
        try (BrowserContext mine = browser.newContext(); BrowserContext theirs = browser.newContext()) {
            Page page = mine.newPage();
            signIn(page, mod.email());
            page.navigate(url("/moderation"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go on call")).click();
            assertThat(page.locator(".notice")).containsText("You are on call");
            assertThat(page.locator("#on-call-now")).containsText(mod.member().handle());
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go off call"))).isVisible();

            Page other = theirs.newPage();
            signIn(other, colleague.email());
            other.navigate(url("/moderation"));
            assertThat(other.locator("#on-call-now")).containsText(mod.member().handle());
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go on call"))).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go off call")).click();
            assertThat(page.locator(".notice")).containsText("off call");
            assertThat(page.locator("#on-call-now")).not().containsText(mod.member().handle());
        } finally {
            jdbc.sql("DELETE FROM safety_on_call WHERE member_id IN (?, ?)").params(mod.id(), colleague.id()).update();
        }
    }
}
