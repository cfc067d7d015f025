package app.village.community.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.community.ReportReason;
import app.village.community.domain.CommunityService;
import app.village.platform.InvalidInputException;

@Controller
class ReportController {

    private final CommunityService community;

    ReportController(CommunityService community) {
        this.community = community;
    }

    @GetMapping("/report")
    String form(@RequestParam String kind, @RequestParam UUID id, @RequestParam UUID post, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("post", post);
        model.addAttribute("reasons", ReportReason.values());
        return "community/report-form";
    }

    @PostMapping("/report")
    String report(@AuthenticationPrincipal VillageUser user, @RequestParam String kind, @RequestParam UUID id,
                  @RequestParam UUID post, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String details, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            boolean fresh = community.report(user.id(), kind, id, reason, details);
            redirect.addFlashAttribute("notice", fresh
                    ? "Thank you. A moderator will look at this. If someone is in danger right now, see Need help now."
                    : "You have already reported this. A moderator will look at it.");
            return "redirect:/posts/" + post;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("kind", kind);
            model.addAttribute("id", id);
            model.addAttribute("post", post);
            model.addAttribute("reasons", ReportReason.values());
            model.addAttribute("details", details);
            model.addAttribute("error", e.getMessage());
            return "community/report-form";
        }
    }
}
