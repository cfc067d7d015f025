package app.village.safety.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.safety.alerts.PushSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The browsers a moderator is alerted in by Web Push: the queue page's script stores the browser's
 * subscription here after the moderator pressed "Alert this browser", and removes it on "Stop". Each
 * moderator reaches only their own (the page's list removes one by {@link QueueController}).
 */
@RestController
@Tag(name = "Moderation")
class AlertBrowserApi {

    private final PushSubscriptions browsers;

    AlertBrowserApi(PushSubscriptions browsers) {
        this.browsers = browsers;
    }

    /** {@code PushSubscription.toJSON()} as a browser gives it. */
    record SubscriptionJson(String endpoint, Keys keys) {
        record Keys(String p256dh, String auth) {
        }
    }

    record BrowserJson(UUID id, String pushService, Instant since) {
        static BrowserJson of(PushSubscriptions.Browser b) {
            return new BrowserJson(b.id(), b.pushService(), b.since());
        }
    }

    record AlertBrowsersJson(boolean enabled, String applicationServerKey, List<BrowserJson> browsers) {
    }

    @Operation(summary = "Your browsers alerted by Web Push, and Village's VAPID public key to subscribe with")
    @GetMapping("/api/moderation/alert-browsers")
    AlertBrowsersJson mine(@AuthenticationPrincipal VillageUser user) {
        List<BrowserJson> mine = browsers.mine(user).stream().map(BrowserJson::of).toList();
        return new AlertBrowsersJson(browsers.enabled(), browsers.applicationServerKey(), mine);
    }

    @Operation(summary = "Alert this browser", description = "Send the browser's PushSubscription.toJSON(): "
            + "{\"endpoint\": ..., \"keys\": {\"p256dh\": ..., \"auth\": ...}}. Sending the same endpoint again replaces it.")
    @PutMapping("/api/moderation/alert-browsers")
    BrowserJson subscribe(@AuthenticationPrincipal VillageUser user, @RequestBody SubscriptionJson subscription) {
        if (subscription == null || subscription.keys() == null) {
            throw new InvalidInputException("keys", "Send the subscription with its keys (p256dh and auth).");
        }
        UUID id = browsers.subscribe(user, subscription.endpoint(), subscription.keys().p256dh(), subscription.keys().auth());
        return browsers.mine(user).stream().filter(b -> b.id().equals(id)).map(BrowserJson::of).findFirst().orElseThrow();
    }

    @Operation(summary = "Stop alerting a browser", description = "Send {\"endpoint\": ...} of the browser's subscription.")
    @DeleteMapping("/api/moderation/alert-browsers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@AuthenticationPrincipal VillageUser user, @RequestBody SubscriptionJson subscription) {
        if (!browsers.removeByEndpoint(user, subscription == null ? null : subscription.endpoint())) {
            throw new NotFoundException("None of your alerted browsers has this endpoint.");
        }
    }
}
