package app.village.support;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/** Debian's Chromium driven by Playwright, headless, with nothing fetched from the network (no browser download). */
public final class Chromium {

    private Chromium() {
    }

    public static Playwright playwright() throws java.io.IOException {
        // Surefire points java.io.tmpdir into target/; the Playwright driver unpacks itself there.
        Files.createDirectories(Paths.get(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(Paths.get("target", "screenshots"));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
    }
}
