package app.village.guidance.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.village.guidance.GuideSummary;
import app.village.guidance.library.Guide;
import app.village.guidance.matching.LibraryGuidance;
import app.village.platform.NotFoundException;
import app.village.safety.CrisisHelp;
import app.village.understanding.Theme;
import jakarta.servlet.http.HttpServletRequest;

/** The library of guides: browse by theme, search by words, read one guide with its sources. Open to everyone. */
@Controller
class GuidePages {

    private final LibraryGuidance guidance;
    private final CrisisHelp crisisHelp;

    GuidePages(LibraryGuidance guidance, CrisisHelp crisisHelp) {
        this.guidance = guidance;
        this.crisisHelp = crisisHelp;
    }

    @GetMapping("/guides")
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) String theme, Model model,
                   HttpServletRequest request) {
        String text = GuideQueries.text(q);
        Theme chosen = GuideQueries.theme(theme);
        List<GuideSummary> guides = guidance.search(text, chosen);
        // Someone searching for "suicidal" needs people to call before any guide.
        if (guidance.asksForUrgentHelp(text)) {
            model.addAttribute("crisis", crisisHelp.panelFor(request));
        }
        model.addAttribute("guides", guides);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("theme", chosen);
        model.addAttribute("themes", Arrays.stream(Theme.values()).filter(t -> !guidance.search(null, t).isEmpty()).toList());
        model.addAttribute("filtered", text != null || chosen != null);
        return "guidance/library";
    }

    @GetMapping("/guides/{slug}")
    String guide(@PathVariable String slug, Model model) {
        Guide guide = GuideQueries.slug(slug).flatMap(guidance.library()::find)
                .orElseThrow(() -> new NotFoundException("There is no such guide."));
        model.addAttribute("guide", guide);
        model.addAttribute("g", guide.summary());
        return "guidance/guide";
    }
}
