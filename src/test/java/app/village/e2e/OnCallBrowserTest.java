package app.village.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import app.village.support.ChromiumJourney;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * A moderator goes on call and off call from the queue page in real Chromium; another moderator sees it. And the
 * page offers alerts in this browser: its service worker registers on the moderator's click (never on load) and
 * shows what is pushed to it. A real subscription needs the browser's push service (Google's, over the network),
 * which a test here cannot reach: the push is delivered to the worker through the DevTools protocol instead.
 */
@VillageIntegrationTest
// The same context as BrowserJourneyTest (no MockMvc csrf() in it), so no extra start.
@TestPropertySource(properties = {"village.data-dir=target/test-data-browser", "village.alert.web-push.enabled=true",
        "village.alert.web-push.subject=mailto:ops@village.example"})
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

    @Test
    void theQueuePageOffersAlertsInThisBrowserAndItsWorkerShowsAPushedAlert() {
        TestMembers.Created mod = members.withRole("MODERATOR");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, mod.email());
            page.navigate(url("/moderation"));
            Locator alertMe = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alert this browser"));
            assertThat(alertMe).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop alerting this browser"))).isHidden();
            assertThat(page.locator("#alert-browser-status")).containsText("asks your permission first");
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => Notification.permission")).as("never asked on load")
                    .isEqualTo("default");
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)"))
                    .as("nothing registered before the click").isEqualTo(0);

            context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
            CDPSession devtools = context.newCDPSession(page);
            List<String> registrations = new CopyOnWriteArrayList<>();
            devtools.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations")
                    .forEach(r -> registrations.add(r.getAsJsonObject().get("registrationId").getAsString())));
            devtools.send("ServiceWorker.enable");
            alertMe.click();
            // Without the network the browser's push service refuses the subscription; the page says so in words.
            assertThat(page.locator("#alert-browser-status")).containsText("could not be set up", new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(30_000));
            Object worker = page.evaluate("() => navigator.serviceWorker.getRegistrations()"
                    + ".then(rs => rs.map(r => r.active && r.active.scriptURL).join(' '))");
            org.assertj.core.api.Assertions.assertThat((String) worker).contains("/js/alert-worker");
            org.assertj.core.api.Assertions.assertThat(registrations).isNotEmpty();

            JsonObject push = new JsonObject();
            push.addProperty("origin", url(""));
            push.addProperty("registrationId", registrations.get(registrations.size() - 1));
            push.addProperty("data", "{\"title\":\"Village alert\",\"body\":\"An urgent item is waiting in Village's moderators' queue\","
                    + "\"url\":\"" + url("/moderation/items/00000000-0000-0000-0000-000000000001") + "\",\"tag\":\"village-test-0\"}");
            devtools.send("ServiceWorker.deliverPushMessage", push);
            page.waitForFunction("() => navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.getNotifications())))"
                    + ".then(ns => ns.flat().some(n => n.tag === 'village-test-0'))");
            Object shown = page.evaluate("() => navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.getNotifications())))"
                    + ".then(ns => ns.flat().map(n => n.title + ' | ' + n.body).join())");
            org.assertj.core.api.Assertions.assertThat((String) shown).contains("Village alert | An urgent item is waiting");
        }
    }
}
