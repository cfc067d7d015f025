package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Chromium against the whole application (random port, embedded PostgreSQL): the pages a
 * parent actually clicks through, their labels (so the forms stay accessible), escaping of what
 * members type, who may change what, and double submissions.
 */
@VillageIntegrationTest
// An application context of its own: MockMvc's csrf() post-processor swaps the CSRF token repository
// inside the shared security filter chain, which would change what a real browser receives.
@TestPropertySource(properties = {"village.data-dir=target/test-data-browser", "village.alert.web-push.enabled=true",
        "village.alert.web-push.subject=mailto:ops@village.example"})
@Tag("browser")
class BrowserJourneyTest extends ChromiumJourney {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "quiet mornings with tea";
    private static final Pattern POST_URL = Pattern.compile("/posts/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$");
    private static final String XSS = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestMembers members;

    /** A member as the browser knows them. */
    record Member(String email, String handle) {
    }

    // ---------------------------------------------------------------------------------------------
    // a) sign up, write, reply, notification
    // ---------------------------------------------------------------------------------------------

    @Test
    void twoParentsSignUpWriteReplyAndGetNotified() {
        try (BrowserContext phoneA = phone(); BrowserContext desktopB = desktop()) {
            Page a = phoneA.newPage();

            a.navigate(url("/"));
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are not the only one"))).isVisible();
            shot(a, "01-welcome");
            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join Village")).click();
            assertThat(a).hasURL(url("/signup"));
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join Village"))).isVisible();

            Member alice = fillSignUp(a, "mother", "Sam", "2026-01", "02-signup");
            assertThat(a.getByText("Welcome to Village.")).isVisible();
            assertThat(a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(alice.handle()).setExact(true))).isVisible();
            shot(a, "03-feed");

            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write your story")).click();
            assertThat(a).hasURL(url("/posts/new"));
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Write your story"))).isVisible();
            // The child from the sign-up is offered as what the post is about.
            assertThat(a.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Sam"))).isVisible();
            String title = "The first weeks felt far away " + suffix();
            String body = "I don't feel a bond with him yet and I'm so tired.\n\nSome days are better now.";
            a.getByLabel("Title").fill(title);
            a.getByLabel("Your story").fill(body);
            shot(a, "04-new-post");
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
            String postId = postIdOf(a);
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
            assertThat(a.locator(".story p")).hasText(new String[]{"I don't feel a bond with him yet and I'm so tired.", "Some days are better now."});
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("0 replies"))).isVisible();
            // The post is read in the background; its writer's page fills in "what we heard" by itself when it lands.
            Locator heard = a.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("What we heard"));
            assertThat(heard).containsText("Bonding with the baby",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(heard).containsText("not a diagnosis");
            shot(a, "04b-what-we-heard");
            assertThat(notificationBadge(a)).hasCount(0);

            // B joins on a desktop, finds the story in the feed and answers it.
            Page b = desktopB.newPage();
            b.navigate(url("/signup"));
            Member bob = fillSignUp(b, "father", null, null, null);
            b.navigate(url("/feed"));
            Locator card = b.locator("article.card").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(card.getByText(alice.handle(), new Locator.GetByTextOptions().setExact(true))).isVisible();
            assertThat(card.getByText("0 replies")).isVisible();
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
            assertThat(b).hasURL(url("/posts/" + postId));
            String replyText = "Same here with our second. It came slowly, and it did come. " + suffix();
            b.getByLabel("Your reply").fill(replyText);
            b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reply").setExact(true)).click();
            assertThat(b).hasURL(Pattern.compile("/posts/" + postId + "#reply-[0-9a-f-]{36}$"));
            Locator bobsReply = b.locator("article.reply").filter(new Locator.FilterOptions().setHasText(replyText));
            assertThat(bobsReply).hasCount(1);
            assertThat(bobsReply.locator(".meta")).containsText(bob.handle());
            assertThat(b.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 reply"))).isVisible();
            shot(b, "05-thread-with-reply");

            // A sees the unread badge on her next page, then the notification itself.
            a.navigate(url("/feed"));
            assertThat(notificationBadge(a)).hasText("1");
            assertThat(a.locator("article.card").filter(new Locator.FilterOptions().setHasText(title)).getByText("1 reply")).isVisible();
            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications")).click();
            assertThat(a).hasURL(url("/notifications"));
            Locator notification = a.locator("ul.notifications li").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(notification).hasCount(1);
            assertThat(notification).containsText("New:");
            assertThat(notification).containsText(bob.handle() + " replied to");
            shot(a, "06-notifications");
            notification.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
            assertThat(a).hasURL(Pattern.compile("/posts/" + postId + "#reply-[0-9a-f-]{36}$"));
            assertThat(a.locator("article.reply").filter(new Locator.FilterOptions().setHasText(replyText))).isVisible();
            // Reading the thread reads its notifications: the badge is gone.
            assertThat(notificationBadge(a)).hasCount(0);

            a.navigate(url("/account"));
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account").setLevel(1))).isVisible();
            assertThat(a.locator("main")).containsText("You are " + alice.handle() + ", mother.");
            assertThat(a.locator("#children + ul li")).containsText("Sam, born January 2026");
            shot(a, "07-account");

            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Need help now?").setExact(true)).first().click();
            assertThat(a).hasURL(url("/help"));
            assertThat(a.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Need help now?").setLevel(1))).isVisible();
            assertThat(a.locator("#crisis-panel")).isVisible();
            assertThat(a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call 116 123").setExact(true))).hasAttribute("href", "tel:116123");
            shot(a, "08-help");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // b) markup typed by a member stays text
    // ---------------------------------------------------------------------------------------------

    @Test
    void markupInAPostIsShownAsTextAndNeverRuns() {
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signIn(page, members.mother().email());

            page.navigate(url("/posts/new"));
            page.getByLabel("Title").fill(XSS);
            page.getByLabel("Your story").fill("Before " + XSS + " after");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
            String postId = postIdOf(page);

            assertThat(page.locator("h1")).hasText(XSS);
            assertThat(page.locator(".story")).hasText("Before " + XSS + " after");
            assertThat(page.locator(".story script")).hasCount(0);
            assertThat(page.locator("main script, main img")).hasCount(0);
            assertNull(page.evaluate("() => window.__pwned"), "markup from the post ran on the thread page");

            // The same text in the feed (title and excerpt) is text too.
            page.navigate(url("/feed"));
            Locator card = page.locator("article.card").filter(new Locator.FilterOptions()
                    .setHas(page.locator("a[href$='/posts/" + postId + "']")));
            assertThat(card.locator("h2")).hasText(XSS);
            assertThat(card.locator("script, img")).hasCount(0);
            assertNull(page.evaluate("() => window.__pwned"), "markup from the post ran on the feed");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // c) signed-out visitors
    // ---------------------------------------------------------------------------------------------

    @Test
    void signedOutVisitorIsSentToSignInAndCannotPost() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(url("/posts/new"));
            assertThat(page).hasURL(url("/signin"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(page.getByLabel("Email")).isEditable();
            assertThat(page.getByLabel("Password")).isEditable();

            String json = "{\"title\":\"Not signed in\",\"body\":\"Should never be saved\"}";
            // Even with a valid CSRF token (the sign-in page set the cookie), the API wants a member.
            String xsrf = xsrfToken(context);
            APIResponse withToken = page.request().post(url("/api/posts"), RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setHeader("Accept", "application/json")
                    .setHeader("X-XSRF-TOKEN", xsrf)
                    .setData(json));
            assertEquals(401, withToken.status(), withToken.text());
            assertTrue(withToken.headers().get("content-type").startsWith("application/problem+json"),
                    withToken.headers().toString());
            assertEquals("Not signed in", JSON.readTree(withToken.text()).path("title").asString());

            APIResponse bare = page.request().post(url("/api/posts"), RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setData(json));
            // Without the token the CSRF check answers first (403 "Missing or stale CSRF token"); refused either way.
            assertTrue(bare.status() == 401 || bare.status() == 403, "status " + bare.status());
            assertTrue(bare.headers().get("content-type").startsWith("application/problem+json"), bare.headers().toString());

            // A plain form post to the page endpoint, with a valid CSRF token, is sent to sign in instead.
            APIResponse form = page.request().post(url("/posts"), RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", xsrf).set("title", "Not signed in").set("body", "Never saved"))
                    .setMaxRedirects(0));
            assertEquals(302, form.status());
            assertEquals(url("/signin"), form.headers().get("location"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // d) only the writer may change a post
    // ---------------------------------------------------------------------------------------------

    @Test
    void anotherMemberCannotEditAPost() throws Exception {
        try (BrowserContext contextA = desktop(); BrowserContext contextB = phone()) {
            Page a = contextA.newPage();
            signIn(a, members.mother().email());
            String title = "Mine to change " + suffix();
            String body = "Only I should be able to edit this.";
            String postId = writePost(a, title, body);

            Page b = contextB.newPage();
            b.navigate(url("/signup"));
            fillSignUp(b, "partner", null, null, null);

            Response edit = b.navigate(url("/posts/" + postId + "/edit"));
            assertNotNull(edit);
            assertEquals(403, edit.status());
            assertThat(b.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("That is not yours to change"))).isVisible();
            assertThat(b.locator("main")).containsText("Only the person who wrote a post can change or delete it.");
            assertThat(b.getByLabel("Title")).hasCount(0);

            // The thread page offers B no edit button either.
            b.navigate(url("/posts/" + postId));
            assertThat(b.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
            assertThat(b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true))).hasCount(0);

            String change = "{\"title\":\"x\",\"body\":\"y\",\"version\":0}";
            APIResponse put = contextB.request().put(url("/api/posts/" + postId), RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setHeader("X-XSRF-TOKEN", xsrfToken(contextB))
                    .setData(change));
            assertEquals(403, put.status(), put.text());
            assertTrue(put.headers().get("content-type").startsWith("application/problem+json"), put.headers().toString());
            // Refused because of who B is, not because of a missing CSRF token.
            assertEquals("Not allowed", JSON.readTree(put.text()).path("title").asString(), put.text());

            // The same form post through the page endpoint, with a valid CSRF token, is refused as well.
            APIResponse formPost = contextB.request().post(url("/posts/" + postId + "/edit"), RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", xsrfToken(contextB)).set("title", "x").set("body", "y")
                            .set("version", "0").set("visibility", "COMMUNITY"))
                    .setMaxRedirects(0));
            assertEquals(403, formPost.status());

            // A's post is as she wrote it.
            a.reload();
            assertThat(a.locator("h1")).hasText(title);
            assertThat(a.locator(".story")).hasText(body);
            assertThat(a.locator("main article .meta").first()).not().containsText("edited");
            JsonNode thread = JSON.readTree(contextA.request().get(url("/api/posts/" + postId)).text());
            assertEquals(title, thread.path("post").path("title").asString());
            assertEquals(body, thread.path("post").path("body").asString());
            assertEquals(0, thread.path("post").path("version").asInt());

            // Control: the very same request from the writer goes through.
            APIResponse own = contextA.request().put(url("/api/posts/" + postId), RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setHeader("X-XSRF-TOKEN", xsrfToken(contextA))
                    .setData("{\"title\":\"" + title + " (edited)\",\"body\":\"" + body + "\",\"version\":0}"));
            assertEquals(200, own.status(), own.text());
            a.reload();
            assertThat(a.locator("h1")).hasText(title + " (edited)");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // e) a double click gives one reply
    // ---------------------------------------------------------------------------------------------

    @Test
    void doubleSubmittingAReplyGivesOneReply() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(url("/signup"));
            fillSignUp(page, "other carer", null, null, null);
            String postId = writePost(page, "Nights with the baby " + suffix(), "Who else is awake at 3am?");

            String first = "Me, with a cup of tea. " + suffix();
            page.getByLabel("Your reply").fill(first);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reply").setExact(true)).dblclick();
            assertThat(page).hasURL(Pattern.compile("/posts/" + postId + "#reply-[0-9a-f-]{36}$"));
            assertThat(page.locator("article.reply")).hasCount(1);
            assertThat(page.locator("article.reply").filter(new Locator.FilterOptions().setHasText(first))).hasCount(1);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 reply"))).isVisible();

            // Without the page's script (the server alone): the same form, with its key, sent twice.
            String second = "And me, with a bottle. " + suffix();
            page.getByLabel("Your reply").fill(second);
            FormData form = FormData.create()
                    .set("_csrf", page.locator("#reply-form input[name=_csrf]").inputValue())
                    .set("submissionKey", page.locator("#reply-form input[name=submissionKey]").inputValue())
                    .set("body", second);
            RequestOptions post = RequestOptions.create().setForm(form).setMaxRedirects(0);
            APIResponse once = context.request().post(url("/posts/" + postId + "/replies"), post);
            APIResponse twice = context.request().post(url("/posts/" + postId + "/replies"), post);
            assertEquals(302, once.status());
            assertEquals(302, twice.status());
            String location = once.headers().get("location");
            assertTrue(location != null && location.contains("#reply-"), "location " + location);
            assertEquals(location, twice.headers().get("location"), "the repeat should lead to the same reply");

            page.navigate(url("/posts/" + postId));
            assertThat(page.locator("article.reply")).hasCount(2);
            assertThat(page.locator("article.reply").filter(new Locator.FilterOptions().setHasText(second))).hasCount(1);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("2 replies"))).isVisible();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------

    private BrowserContext phone() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    private BrowserContext desktop() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Fills the sign-up form that is open on the page, joins, and checks the member lands on the feed. */
    private Member fillSignUp(Page page, String familyRole, String child, String birthMonth, String screenshot) {
        String suffix = suffix();
        Member member = new Member("parent-" + suffix + "@example.org", "p" + suffix);
        page.getByLabel("Email").fill(member.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("The name others see").fill(member.handle());
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(familyRole).setExact(true)).check();
        if (child != null) {
            page.getByLabel("Name or nickname").fill(child);
            page.getByLabel("Month of birth").fill(birthMonth);
        }
        if (screenshot != null) {
            shot(page, screenshot);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true)).click();
        assertThat(page).hasURL(url("/feed?welcome"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Stories from parents"))).isVisible();
        return member;
    }

    private String writePost(Page page, String title, String body) {
        page.navigate(url("/posts/new"));
        page.getByLabel("Title").fill(title);
        page.getByLabel("Your story").fill(body);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
        String id = postIdOf(page);
        assertThat(page.locator("h1")).hasText(title);
        return id;
    }

    private static String postIdOf(Page page) {
        assertThat(page).hasURL(POST_URL);
        Matcher m = POST_URL.matcher(page.url());
        assertTrue(m.find(), page.url());
        return m.group(1);
    }

    private static Locator notificationBadge(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Notifications"))
                .locator(".badge");
    }

    private String xsrfToken(BrowserContext context) {
        return context.cookies(url("/")).stream().filter(c -> c.name.equals("XSRF-TOKEN")).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in "
                        + context.cookies().stream().map(c -> c.name).toList()));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
