package app.village.platform.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages everyone can see: the welcome page and the crisis help page. */
@Controller
class PublicPagesController {

    @GetMapping("/")
    String home(Principal principal) {
        return principal == null ? "welcome" : "redirect:/feed";
    }

    @GetMapping("/help")
    String help() {
        return "help";
    }
}
