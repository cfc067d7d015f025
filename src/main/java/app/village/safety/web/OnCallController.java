package app.village.safety.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.safety.alerts.AlertChannels;
import app.village.safety.alerts.OnCall;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Being on call: the toggle on the queue page and its API for moderators, and the weekly rota with the
 * alert channels' health for admins (the URL rules keep /admin to admins, /moderation to moderators).
 */
@Controller
@Tag(name = "Moderation")
class OnCallController {

    private final OnCall onCall;
    private final AlertChannels channels;

    OnCallController(OnCall onCall, AlertChannels channels) {
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

    @PostMapping("/moderation/on-call")
    String toggle(@AuthenticationPrincipal VillageUser user, @RequestParam boolean onCall, RedirectAttributes redirect) {
        this.onCall.set(user, onCall);
        redirect.addFlashAttribute("notice", onCall ? "You are on call: urgent items will be sent to you."
                : "You are off call. Thank you.");
        return "redirect:/moderation";
    }

    @Operation(summary = "Who is on call now, who is next on the rota, and whether you are on call")
    @GetMapping("/api/moderation/on-call")
    @ResponseBody
    RosterJson roster(@AuthenticationPrincipal VillageUser user) {
        return RosterJson.of(onCall.roster(user));
    }

    @Operation(summary = "Go on call or off call", description = "Send {\"onCall\": true} or {\"onCall\": false}.")
    @PutMapping("/api/moderation/on-call")
    @ResponseBody
    RosterJson set(@AuthenticationPrincipal VillageUser user, @RequestBody OnCallRequest request) {
        if (request == null || request.onCall() == null) {
            throw new InvalidInputException("onCall", "Send onCall: true or false.");
        }
        onCall.set(user, request.onCall());
        return RosterJson.of(onCall.roster(user));
    }

    @GetMapping("/admin/alerts")
    String admin(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("roster", onCall.roster(user));
        model.addAttribute("rota", onCall.rota());
        model.addAttribute("staff", onCall.staff());
        model.addAttribute("channels", channels.statuses());
        model.addAttribute("days", java.time.DayOfWeek.values());
        return "safety/alerts-admin";
    }

    @PostMapping("/admin/alerts/rota")
    String addSlot(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) UUID memberId,
                   @RequestParam(required = false) String day, @RequestParam(required = false) String start,
                   @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            onCall.addSlot(user, memberId, day, start, end);
            redirect.addFlashAttribute("notice", "Added to the rota.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/rota/{id}/delete")
    String removeSlot(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        onCall.removeSlot(user, id);
        redirect.addFlashAttribute("notice", "Removed from the rota.");
        return "redirect:/admin/alerts";
    }

    @Operation(summary = "Each alert channel: configured or not, its last success and failure")
    @GetMapping("/api/admin/alerts/channels")
    @ResponseBody
    List<AlertChannels.Status> channelStatus(@AuthenticationPrincipal VillageUser user) {
        if (user == null || !user.has(app.village.accounts.Role.ADMIN)) {
            throw new app.village.platform.ForbiddenException("Only admins can see the alert channels.");
        }
        return channels.statuses();
    }
}
