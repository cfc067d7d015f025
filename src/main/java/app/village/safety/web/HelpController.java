package app.village.safety.web;

import java.time.Clock;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.safety.CrisisCountry;
import app.village.safety.CrisisHelp;
import app.village.safety.crisis.ChosenCountries;
import app.village.safety.crisis.CrisisDirectory;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "Need help now?": open to everyone, signed in or not, with the help of the person's country first.
 * A signed-in member can keep their choice, so every crisis panel shows their country from then on.
 */
@Controller
class HelpController {

    private final CrisisHelp crisisHelp;
    private final CrisisDirectory directory;
    private final ChosenCountries chosen;
    private final Clock clock;

    HelpController(CrisisHelp crisisHelp, CrisisDirectory directory, ChosenCountries chosen, Clock clock) {
        this.crisisHelp = crisisHelp;
        this.directory = directory;
        this.chosen = chosen;
        this.clock = clock;
    }

    @GetMapping("/help")
    String help(HttpServletRequest request, Model model) {
        model.addAttribute("crisis", crisisHelp.panelFor(request));
        model.addAttribute("countries", crisisHelp.countries());
        return "safety/help";
    }

    @PostMapping("/help/country")
    String remember(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String country,
                    RedirectAttributes redirect) {
        CrisisCountry c = directory.find(country)
                .orElseThrow(() -> new InvalidInputException("country", "Choose one of the countries in the list."));
        chosen.remember(user.id(), c.code(), clock.instant());
        redirect.addFlashAttribute("notice", "Crisis help will show " + c.name() + " for you from now on.");
        return "redirect:/help";
    }
}
