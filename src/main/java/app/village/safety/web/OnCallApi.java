package app.village.safety.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.safety.alerts.AlertChannels;
import app.village.safety.alerts.OnCall;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Being on call, for programs: who is on call, going on and off call (moderators), and the alert channels' health
 * (admins). A controller of the API, so that a malformed request gets a problem document like the rest of it.
 */
@RestController
@Tag(name = "Moderation")
class OnCallApi {

    private final OnCall onCall;
    private final AlertChannels channels;

    OnCallApi(OnCall onCall, AlertChannels channels) {
        this.onCall = onCall;
        this.channels = channels;
    }

    record PersonJson(UUID id, String handle) {
        static PersonJson of(OnCall.Person p) {
            return p == null ? null : new PersonJson(p.id(), p.handle());
        }
    }

    record RosterJson(List<PersonJson> now, PersonJson next, Instant nextFrom, boolean youAreOnCall) {
        static RosterJson of(OnCall.Roster r) {
            return new RosterJson(r.now().stream().map(PersonJson::of).toList(), PersonJson.of(r.next()), r.nextFrom(), r.viewerOnCall());
        }
    }

    record OnCallRequest(Boolean onCall) {
    }

    @Operation(summary = "Who is on call now, who is next on the rota, and whether you are on call")
    @GetMapping("/api/moderation/on-call")
    RosterJson roster(@AuthenticationPrincipal VillageUser user) {
        return RosterJson.of(onCall.roster(user));
    }

    @Operation(summary = "Go on call or off call", description = "Send {\"onCall\": true} or {\"onCall\": false}.")
    @PutMapping("/api/moderation/on-call")
    RosterJson set(@AuthenticationPrincipal VillageUser user, @RequestBody OnCallRequest request) {
        if (request == null || request.onCall() == null) {
            throw new InvalidInputException("onCall", "Send onCall: true or false.");
        }
        onCall.set(user, request.onCall());
        return RosterJson.of(onCall.roster(user));
    }

    @Operation(summary = "Each alert channel: configured or not, its last success and failure")
    @GetMapping("/api/admin/alerts/channels")
    List<AlertChannels.Status> channelStatus(@AuthenticationPrincipal VillageUser user) {
        if (user == null || !user.has(app.village.accounts.Role.ADMIN)) {
            throw new app.village.platform.ForbiddenException("Only admins can see the alert channels.");
        }
        return channels.statuses();
    }
}
