package app.village.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * A test class that drives Debian's Chromium against the running application: one browser for
 * the whole class, opened before its first test and closed after its last, and the steps every
 * journey shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChromiumJourney {

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void launchBrowser() throws Exception {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the form, as a member would, and lands on the feed. */
    protected void signIn(Page page, String email) {
        page.navigate(url("/signin"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestMembers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/feed"));
    }
}
