package app.village.community.web;

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
import app.village.community.domain.CommunityService;
import app.village.community.domain.Reply;
import app.village.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

@Controller
class ReplyController {

    private final CommunityService community;

    ReplyController(CommunityService community) {
        this.community = community;
    }

    @PostMapping("/posts/{id}/replies")
    String reply(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String submissionKey, RedirectAttributes redirect) {
        try {
            Reply reply = community.replyTo(user.id(), id, body, parseKey(submissionKey));
            return "redirect:/posts/" + id + "#reply-" + reply.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("replyError", e.getMessage());
            redirect.addFlashAttribute("replyDraft", body);
            redirect.addFlashAttribute("replyKey", submissionKey);
            return "redirect:/posts/" + id + "#reply-form";
        }
    }

    @GetMapping("/replies/{id}/edit")
    String edit(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model) {
        Reply reply = community.ownReply(user.id(), id);
        model.addAttribute("reply", reply);
        model.addAttribute("body", reply.body());
        model.addAttribute("version", reply.version());
        return "community/reply-form";
    }

    @PostMapping("/replies/{id}/edit")
    String update(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam(required = false) String body,
                  @RequestParam(defaultValue = "-1") int version, Model model, HttpServletResponse response) {
        Reply reply = community.ownReply(user.id(), id);
        try {
            community.editReply(user.id(), id, version, body);
            return "redirect:/posts/" + reply.postId() + "#reply-" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("reply", reply);
            model.addAttribute("body", body);
            model.addAttribute("version", version);
            model.addAttribute("error", e.getMessage());
            return "community/reply-form";
        }
    }

    @PostMapping("/replies/{id}/delete")
    String delete(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        UUID postId = community.deleteReply(user.id(), id);
        redirect.addFlashAttribute("notice", "Your reply is deleted.");
        return "redirect:/posts/" + postId;
    }

    private static UUID parseKey(String key) {
        try {
            return key == null || key.isBlank() ? null : UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
