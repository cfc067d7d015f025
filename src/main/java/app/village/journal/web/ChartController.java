package app.village.journal.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.village.accounts.VillageUser;
import app.village.journal.domain.ChartRange;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.Trends;

/** Mood, closeness and sleep over 7, 30, 90 days or all time, drawn on the server (no script needed). */
@Controller
class ChartController {

    private final CheckInService checkIns;
    private final Trends trends;

    ChartController(CheckInService checkIns, Trends trends) {
        this.checkIns = checkIns;
        this.trends = trends;
    }

    @GetMapping("/journal/charts")
    String charts(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String range, Model model) {
        ChartRange r = ChartRange.of(range);
        model.addAttribute("page", trends.charts(user.id(), r, checkIns.now(user.id(), null).today()));
        model.addAttribute("ranges", ChartRange.values());
        return "journal/charts";
    }
}
