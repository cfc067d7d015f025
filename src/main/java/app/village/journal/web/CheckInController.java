package app.village.journal.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.journal.domain.CheckIn;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.EntryService;
import app.village.journal.domain.JournalCalendar;
import app.village.journal.domain.Trends;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/** The journal's front page (today's check-in, patterns, recent entries) and the check-in form. */
@Controller
class CheckInController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final CheckInService checkIns;
    private final EntryService entries;
    private final Trends trends;

    CheckInController(CheckInService checkIns, EntryService entries, Trends trends) {
        this.checkIns = checkIns;
        this.entries = entries;
        this.trends = trends;
    }

    /** A day the member may choose, as the form's select shows it. */
    record DayOption(String value, String label) {
    }

    @GetMapping("/journal")
    String home(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String tz, Model model) {
        JournalCalendar.Now now = checkIns.now(user.id(), tz);
        Optional<CheckIn> today = checkIns.find(user.id(), now.today());
        model.addAttribute("today", today.orElse(null));
        model.addAttribute("patterns", trends.patterns(user.id(), now.today()));
        model.addAttribute("recent", entries.list(user.id(), null, 1).entries().stream().limit(3).toList());
        model.addAttribute("zone", now.zone());
        if (today.isEmpty() || now.smallHours()) {
            // Just after midnight the form asks which day is meant, even when today already has a check-in.
            form(user, now, now.smallHours() ? CheckInForm.blank("") : CheckInForm.blank(now.today().toString()), null, model);
        } else {
            model.addAttribute("now", now);
            model.addAttribute("todayLabel", label(now.today(), now));
        }
        return "journal/home";
    }

    @GetMapping("/journal/check-in")
    String checkInForm(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String day,
                       @RequestParam(required = false) String tz, Model model) {
        JournalCalendar.Now now = checkIns.now(user.id(), tz);
        LocalDate chosen = day == null || day.isBlank() ? null : parse(day);
        Optional<CheckIn> existing = chosen == null ? Optional.empty() : checkIns.find(user.id(), chosen);
        if (chosen != null && existing.isEmpty() && !now.isChoosable(chosen)) {
            throw new NotFoundException("There is no check-in for that day, and it is too long ago to add one.");
        }
        CheckInForm form = existing.map(CheckInForm::of)
                .orElseGet(() -> CheckInForm.blank(chosen != null ? chosen.toString() : now.smallHours() ? "" : now.today().toString()));
        form(user, now, form, existing.orElse(null), model);
        return "journal/check-in";
    }

    @PostMapping("/journal/check-in")
    String save(@AuthenticationPrincipal VillageUser user, @RequestParam MultiValueMap<String, String> params, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        CheckInForm form = CheckInForm.from(params);
        try {
            CheckInService.Saved saved = checkIns.save(user.id(), form.draft());
            JournalCalendar.Now now = checkIns.now(user.id(), form.timeZone());
            redirect.addFlashAttribute("notice", (saved.created() ? "Check-in saved for " : "Check-in updated for ")
                    + label(saved.checkIn().day(), now) + ". Thank you for taking a moment for yourself.");
            return "redirect:/journal";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e instanceof InvalidInputException i ? i.field() : "version");
            model.addAttribute("posted", true);
            JournalCalendar.Now now = checkIns.now(user.id(), form.timeZone());
            CheckIn existing = form.day() == null ? null : tryParse(form.day()).flatMap(d -> checkIns.find(user.id(), d)).orElse(null);
            form(user, now, form, existing, model);
            return "journal/check-in";
        }
    }

    @PostMapping("/journal/check-ins/{day}/delete")
    String delete(@AuthenticationPrincipal VillageUser user, @PathVariable String day, RedirectAttributes redirect) {
        checkIns.delete(user.id(), parse(day));
        redirect.addFlashAttribute("notice", "That day's check-in is deleted.");
        return "redirect:/journal/charts";
    }

    private void form(VillageUser user, JournalCalendar.Now now, CheckInForm form, CheckIn editing, Model model) {
        List<DayOption> days = new ArrayList<>();
        for (LocalDate d : now.choosable()) {
            days.add(new DayOption(d.toString(), label(d, now)));
        }
        if (editing != null && !now.isChoosable(editing.day())) {
            days.add(new DayOption(editing.day().toString(), label(editing.day(), now)));
        }
        model.addAttribute("now", now);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("days", days);
        model.addAttribute("rated", checkIns.rated(user.id()));
        model.addAttribute("scores", java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList());
        model.addAttribute("yesterdayLabel", now.today().minusDays(1).format(DAY));
        model.addAttribute("todayLabel", now.today().format(DAY));
    }

    static String label(LocalDate d, JournalCalendar.Now now) {
        String name = d.format(DAY);
        if (d.equals(now.today())) {
            return "Today, " + name;
        }
        if (d.equals(now.today().minusDays(1))) {
            return "Yesterday, " + name;
        }
        return name;
    }

    private static LocalDate parse(String day) {
        return tryParse(day).orElseThrow(() -> new NotFoundException("There is no such day."));
    }

    private static Optional<LocalDate> tryParse(String day) {
        try {
            return Optional.of(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
