package app.village.safety.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.safety.alerts.Alerts;
import app.village.safety.alerts.OnCall;
import app.village.safety.alerts.PushSubscriptions;
import app.village.safety.queue.Moderation;
import app.village.understanding.RiskLevel;

/**
 * The moderators' queue pages. Every action posts the item's version as the moderator saw it; when
 * someone else acted meanwhile, the moderator is brought back to the item with what changed and why
 * nothing was done.
 */
@Controller
@RequestMapping("/moderation")
class QueueController {

    private final Moderation moderation;
    private final OnCall onCall;
    private final Alerts alerts;
    private final PushSubscriptions browsers;

    QueueController(Moderation moderation, OnCall onCall, Alerts alerts, PushSubscriptions browsers) {
        this.moderation = moderation;
        this.onCall = onCall;
        this.alerts = alerts;
        this.browsers = browsers;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("rows", moderation.openQueue(user));
        model.addAttribute("resolved", moderation.recentlyResolved(user));
        model.addAttribute("roster", onCall.roster(user));
        if (browsers.enabled()) {
            model.addAttribute("pushKey", browsers.applicationServerKey());
            model.addAttribute("browsers", browsers.mine(user));
        }
        return "safety/queue";
    }

    /** From the page's list of the moderator's alerted browsers (the script uses {@link AlertBrowserApi}). */
    @PostMapping("/alert-browsers/{id}/delete")
    String removeBrowser(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (!browsers.remove(user, id)) {
            throw new NotFoundException("None of your alerted browsers has this id.");
        }
        redirect.addFlashAttribute("notice", "That browser is no longer alerted.");
        return "redirect:/moderation";
    }

    /** The list alone, for the page's live refresh (js/moderation.js). */
    @GetMapping("/items")
    String items(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("rows", moderation.openQueue(user));
        return "safety/queue :: items";
    }

    @GetMapping("/items/{id}")
    String item(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("d", moderation.open(user, id));
        model.addAttribute("alerts", alerts.forItem(id));
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("replyKey", UUID.randomUUID().toString());
        return "safety/item";
    }

    @PostMapping("/items/{id}/claim")
    String claim(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                 @RequestParam(defaultValue = "false") boolean takeOver, RedirectAttributes redirect) {
        return act(id, redirect, "You have this item now.", () -> moderation.claim(user, id, version, takeOver));
    }

    @PostMapping("/items/{id}/release")
    String release(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                   RedirectAttributes redirect) {
        return act(id, redirect, "You let this item go; another moderator can take it.", () -> moderation.release(user, id, version));
    }

    @PostMapping("/items/{id}/reply")
    String reply(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                 @RequestParam(required = false) String body, @RequestParam(required = false) UUID submissionKey,
                 RedirectAttributes redirect) {
        return act(id, redirect, "Your reply is in the thread.", () -> moderation.replyPublicly(user, id, version, body, submissionKey));
    }

    @PostMapping("/items/{id}/message")
    String message(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                   @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, "Your private message is sent. Only you and the writer can read it.",
                () -> moderation.message(user, id, version, body));
    }

    @PostMapping("/items/{id}/hide")
    String hide(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                RedirectAttributes redirect) {
        return act(id, redirect, "Hidden from everyone but its writer and the moderators.", () -> moderation.hide(user, id, version));
    }

    @PostMapping("/items/{id}/restore")
    String restore(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                   RedirectAttributes redirect) {
        return act(id, redirect, "Visible again.", () -> moderation.restore(user, id, version));
    }

    @PostMapping("/items/{id}/level")
    String level(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                 @RequestParam(required = false) String level, @RequestParam(required = false) String reason,
                 RedirectAttributes redirect) {
        return act(id, redirect, "Level changed; the automated level is kept beside yours.",
                () -> moderation.changeLevel(user, id, version, level, reason));
    }

    @PostMapping("/items/{id}/escalate")
    String escalate(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "Escalated: an admin will take it from here.", () -> moderation.escalate(user, id, version, note));
    }

    @PostMapping("/items/{id}/resolve")
    String resolve(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam int version,
                   @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        try {
            moderation.resolve(user, id, version, outcome);
            redirect.addFlashAttribute("notice", "Resolved. Thank you.");
            return "redirect:/moderation";
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/moderation/items/" + id;
        }
    }

    private static String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/moderation/items/" + id;
    }
}
