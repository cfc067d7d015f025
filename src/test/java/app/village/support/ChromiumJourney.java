package app.village.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/**
 * A test class that drives Debian's Chromium against the running application: one browser for
 * the whole class, opened before its first test and closed after its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChromiumJourney {

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
}
