package app.village.discovery.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.discovery.StoriesForTests;
import app.village.discovery.index.StoryIndex;
import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** Real Chromium: a parent reads a post and finds other parents' stories like it, then searches. */
@VillageIntegrationTest
@TestPropertySource(properties = "village.data-dir=target/test-data-discovery-browser")
@Tag("browser")
class SimilarStoriesBrowserTest extends ChromiumJourney {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired StoryIndex index;

    private Post publish(TestMembers.Created writer, StoriesForTests.Story story, String visibility, int age) throws InterruptedException {
        Post post = community.publishPost(writer.id(), new PostDraft(story.title(), story.body(), visibility, null, age, null));
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (index.find(post.id()).isEmpty()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("post not indexed within 60 s");
            }
            Thread.sleep(100);
        }
        return post;
    }

    @Test
    void aPostShowsSimilarStoriesFromOtherParentsAndTheSearchFindsThem() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created cat = members.mother();
        TestMembers.Created dee = members.mother();
        TestMembers.Created reader = members.father();
        Post first = publish(ann, StoriesForTests.NO_BOND, "COMMUNITY", 2);
        publish(cat, StoriesForTests.NO_BOND_AGAIN, "COMMUNITY", 3);
        publish(dee, new StoriesForTests.Story("Just for me", "I feel nothing for my baby and I'm looking after "
                + "somebody else's baby, it seems. Nobody may read this."), "PRIVATE", 2);
        TestMembers.Created eli = members.father();
        for (StoriesForTests.Story s : StoriesForTests.others()) {
            publish(eli, s, "COMMUNITY", 6);
        }

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB"))) {
            phone.setDefaultTimeout(15_000);
            Page page = phone.newPage();
            page.navigate(url("/signin"));
            page.getByLabel("Email").fill(reader.email());
            page.getByLabel("Password").fill(TestMembers.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/feed"));

            page.navigate(url("/posts/" + first.id()));
            Locator similar = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Parents who wrote something like this"));
            assertThat(similar).isVisible();
            Locator firstFound = similar.getByRole(AriaRole.LISTITEM).first();
            assertThat(firstFound.getByRole(AriaRole.LINK)).hasText(StoriesForTests.NO_BOND_AGAIN.title());
            assertThat(firstFound).containsText("child 3 months");
            assertThat(firstFound).containsText("written by a mother");
            assertThat(similar).not().containsText("Just for me");
            assertThat(similar).not().containsText(StoriesForTests.NO_BOND.title());
            similar.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("discovery-01-similar-stories.png")).setFullPage(true));

            firstFound.getByRole(AriaRole.LINK).click();
            assertThat(page.locator("h1")).hasText(StoriesForTests.NO_BOND_AGAIN.title());

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Search")).click();
            page.getByLabel("Words").fill("nursery goodbyes");
            page.getByLabel("Child's age").selectOption("13-24");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            // Every story here is about a child of 2 to 6 months.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No stories found"))).isVisible();
            page.getByLabel("Child's age").selectOption("4-6");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            Locator results = page.locator("ul.found");
            assertThat(results.getByRole(AriaRole.LINK).first()).hasText(StoriesForTests.DROP_OFF.title());
            assertThat(page.getByLabel("Words")).hasValue("nursery goodbyes");
            assertThat(page.getByLabel("Child's age")).hasValue("4-6");
            assertThat(page.locator("main")).not().containsText("Just for me");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("discovery-02-search.png")).setFullPage(true));
        }
    }

}
