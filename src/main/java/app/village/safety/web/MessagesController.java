package app.village.safety.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import app.village.accounts.VillageUser;
import app.village.safety.queue.SupportMessages;

/** A member's private messages from moderators, readable by that member only. */
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

    record MessageJson(UUID id, String from, String body, Instant sentAt) {
    }

    @GetMapping("/api/safety/messages")
    @ResponseBody
    List<MessageJson> api(@AuthenticationPrincipal VillageUser user) {
        return messages.read(user.id()).stream()
                .map(s -> new MessageJson(s.message().id(), s.fromHandle(), s.message().body(), s.message().createdAt())).toList();
    }
}
