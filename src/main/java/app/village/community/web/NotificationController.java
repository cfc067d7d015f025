package app.village.community.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import app.village.accounts.VillageUser;
import app.village.community.domain.CommunityService;

@Controller
class NotificationController {

    private final CommunityService community;

    NotificationController(CommunityService community) {
        this.community = community;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("notifications", community.notifications(user.id()));
        return "community/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead(@AuthenticationPrincipal VillageUser user) {
        community.markNotificationsRead(user.id());
        return "redirect:/notifications";
    }
}
