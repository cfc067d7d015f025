package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import app.village.community.PostDraft;
import app.village.community.Stories;
import app.village.discovery.StoriesForTests;
import app.village.discovery.index.StoryIndex;
import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.understanding.Analyzer;
import app.village.understanding.Insights;
import app.village.understanding.TextEmbedder;

/**
 * Real Chromium: the reading of a post lands well after its writer's page (held back here until the test lets it
 * go). The page says what it is waiting for, then fills in "what we heard", the guides and similar stories by
 * itself, without a reload.
 */
@app.village.support.VillageIntegrationTest
@TestPropertySource(properties = "village.data-dir=target/test-data-reading-late")
@Tag("browser")
class ReadingArrivesLateBrowserTest extends ChromiumJourney {

    /** Texts containing this word are held back; every other text is read as usual. */
    static final String HELD = StoriesForTests.marker();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Autowired TestMembers members;
    @Autowired Stories stories;
    @Autowired StoryIndex index;
    @Autowired Insights readings;

    /** Wraps the analyser and the sentence encoder so that they wait for the test before reading a held text. */
    @TestConfiguration
    static class HoldTheReading {

        @Bean
        static BeanPostProcessor holdHeldTexts() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Analyzer analyzer && name.equals("analyzer")) {
                        return (Analyzer) input -> {
                            waitIfHeld(input.text());
                            return analyzer.analyze(input);
                        };
                    }
                    if (bean instanceof TextEmbedder embedder && name.equals("textEmbedder")) {
                        return (TextEmbedder) text -> {
                            waitIfHeld(text);
                            return embedder.embed(text);
                        };
                    }
                    return bean;
                }
            };
        }

        private static void waitIfHeld(String text) {
            if (text != null && text.contains(HELD)) {
                try {
                    RELEASE.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void theWritersPageSaysWhatItWaitsForThenFillsInByItselfWhenTheReadingLands() throws Exception {
        TestMembers.Created writer = members.mother();
        TestMembers.Created other = members.mother();
        UUID like = stories.publish(other.id(), new PostDraft(StoriesForTests.NO_BOND_AGAIN.title(),
                StoriesForTests.NO_BOND_AGAIN.body(), "COMMUNITY", null, 3, UUID.randomUUID()));
        waitFor(() -> index.find(like).isPresent() && readings.ofPost(like).isPresent(), "the other parent's story to be read and filed");

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB"))) {
            phone.setDefaultTimeout(15_000);
            Page page = phone.newPage();
            signIn(page, writer.email());
            page.navigate(url("/posts/new"));
            page.getByLabel("Title").fill(StoriesForTests.NO_BOND.title());
            page.getByLabel("Your story").fill(StoriesForTests.NO_BOND.body() + " " + HELD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
            assertThat(page).hasURL(Pattern.compile("/posts/[0-9a-f-]{36}$"));
            UUID postId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));

            Locator heard = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What we heard"));
            Locator help = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What might help"));
            Locator similar = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Parents who wrote something like this"));
            assertThat(heard).containsText("We are reading your post now");
            assertThat(help).containsText("will appear here once your post has been read");
            assertThat(similar).containsText("We are looking for stories like yours");
            // Held for a few seconds more, so the page asks at least once while nothing is ready.
            page.waitForTimeout(3_000);
            assertThat(heard).containsText("We are reading your post now");
            org.assertj.core.api.Assertions.assertThat(readings.ofPost(postId)).as("the reading is still held back").isEmpty();
            page.evaluate("window.stillTheSamePage = true");

            RELEASE.countDown();

            LocatorAssertions.ContainsTextOptions landing = new LocatorAssertions.ContainsTextOptions().setTimeout(45_000);
            assertThat(heard).containsText("Bonding with the baby", landing);
            assertThat(heard).containsText("not a diagnosis");
            assertThat(heard).not().containsText("We are reading your post now");
            assertThat(help.getByRole(AriaRole.LINK).first()).hasAttribute("href", Pattern.compile("^/guides/[a-z0-9-]+$"),
                    new LocatorAssertions.HasAttributeOptions().setTimeout(45_000));
            assertThat(help).containsText("Because you wrote about");
            assertThat(similar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(StoriesForTests.NO_BOND_AGAIN.title())))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
            assertThat(similar).not().containsText("We are looking for stories like yours");
            org.assertj.core.api.Assertions.assertThat(page.evaluate("window.stillTheSamePage === true"))
                    .as("filled in without a reload").isEqualTo(true);
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "thread-01-reading-filled-in.png"))
                    .setFullPage(true));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited 90 s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
