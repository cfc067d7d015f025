package app.village.safety.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.safety.alerts.AlertChannels;
import app.village.safety.alerts.OnCall;

/**
 * Being on call: the toggle on the queue page for moderators, and the weekly rota with the alert channels' health
 * for admins (the URL rules keep /admin to admins, /moderation to moderators). The same for programs: {@link OnCallApi}.
 */
@Controller
class OnCallController {

    private final OnCall onCall;
    private final AlertChannels channels;

    OnCallController(OnCall onCall, AlertChannels channels) {
        this.onCall = onCall;
        this.channels = channels;
    }

    @PostMapping("/moderation/on-call")
    String toggle(@AuthenticationPrincipal VillageUser user, @RequestParam boolean onCall, RedirectAttributes redirect) {
        this.onCall.set(user, onCall);
        redirect.addFlashAttribute("notice", onCall ? "You are on call: urgent items will be sent to you."
                : "You are off call. Thank you.");
        return "redirect:/moderation";
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
}
