package app.village.platform.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The welcome page. ("Need help now?" belongs to the safety module.) */
@Controller
class PublicPagesController {

    @GetMapping("/")
    String home(Principal principal) {
        return principal == null ? "welcome" : "redirect:/feed";
    }
}
