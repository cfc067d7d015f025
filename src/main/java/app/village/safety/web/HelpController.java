package app.village.safety.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.village.safety.CrisisHelp;
import jakarta.servlet.http.HttpServletRequest;

/** "Need help now?": open to everyone, signed in or not, with the help of the person's country first. */
@Controller
class HelpController {

    private final CrisisHelp crisisHelp;

    HelpController(CrisisHelp crisisHelp) {
        this.crisisHelp = crisisHelp;
    }

    @GetMapping("/help")
    String help(HttpServletRequest request, Model model) {
        model.addAttribute("crisis", crisisHelp.panelFor(request));
        model.addAttribute("countries", crisisHelp.countries());
        return "safety/help";
    }
}
