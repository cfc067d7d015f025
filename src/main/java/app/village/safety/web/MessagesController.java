package app.village.safety.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.village.accounts.VillageUser;
import app.village.safety.queue.SupportMessages;

/** A member's private messages from moderators, readable by that member only (for programs: {@link MessagesApi}). */
@Controller
class MessagesController {

    private final SupportMessages messages;

    MessagesController(SupportMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/support/messages")
    String page(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("messages", messages.read(user.id()));
        return "safety/messages";
    }
}
