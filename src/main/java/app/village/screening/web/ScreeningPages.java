package app.village.screening.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.village.accounts.VillageUser;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.safety.CrisisHelp;
import app.village.screening.core.Instrument;
import app.village.screening.core.Interpretation;
import app.village.screening.core.PublishedRules;
import app.village.screening.core.Question;
import app.village.screening.domain.Screening;
import app.village.screening.domain.ScreeningService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The questionnaire list, taking one, its result in plain words, and the history with charts. */
@Controller
class ScreeningPages {

    /** What each questionnaire is for and how long it takes, in the parent's words. */
    record Offer(Instrument instrument, String purpose, String time) {
    }

    private static final Map<String, String[]> ABOUT = Map.of(
            PublishedRules.EPDS, new String[]{"Low mood and anxiety during pregnancy or after a birth, over the past 7 days. "
                    + "The questionnaire midwives and health visitors use most, for mothers and fathers.", "10 questions, about 3 minutes"},
            PublishedRules.PBQ, new String[]{"How you feel towards your baby: closeness, irritation, anxiety. "
                    + "Written for and tested with mothers; fathers and partners can take it, but its cut-offs were set for mothers.",
                    "25 statements, about 5 minutes"},
            PublishedRules.PHQ9, new String[]{"Low mood and depression over the last 2 weeks, at any time of life.", "9 questions, about 2 minutes"},
            PublishedRules.GAD7, new String[]{"Worry and anxiety over the last 2 weeks.", "7 questions, about 2 minutes"});

    private final ScreeningService screenings;
    private final CrisisHelp crisisHelp;
    private final GuidesAfterScreening guides;

    ScreeningPages(ScreeningService screenings, CrisisHelp crisisHelp, GuidesAfterScreening guides) {
        this.screenings = screenings;
        this.crisisHelp = crisisHelp;
        this.guides = guides;
    }

    @GetMapping("/screening")
    String list(Model model) {
        model.addAttribute("offers", screenings.instruments().offered().stream()
                .map(i -> new Offer(i, ABOUT.get(i.id())[0], ABOUT.get(i.id())[1])).toList());
        model.addAttribute("epdsOffered", screenings.instruments().epdsOffered());
        return "screening/list";
    }

    @GetMapping("/screening/{instrument}")
    String form(@PathVariable String instrument, Model model) {
        return form(screenings.instruments().get(instrument), model, Map.of(), UUID.randomUUID().toString(), List.of());
    }

    @PostMapping("/screening/{instrument}")
    String submit(@AuthenticationPrincipal VillageUser user, @PathVariable String instrument,
                  @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Instrument current = screenings.instruments().get(instrument);
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : current.questions()) {
            String value = params.getFirst(q.linkId());
            if (value != null && !value.isBlank()) {
                answers.put(q.linkId(), value);
            }
        }
        String key = params.getFirst("submissionKey");
        List<String> missing = current.scoredQuestions().stream().filter(q -> !answers.containsKey(q.linkId())).map(Question::linkId).toList();
        try {
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing.getFirst(), "Please answer every question: the score only means something "
                        + "when all are answered. " + (missing.size() == 1 ? "One question is" : missing.size() + " questions are")
                        + " still open, marked below.");
            }
            Screening s = screenings.submit(user.id(), user.familyRole(), instrument, params.getFirst("version"), answers, uuid(key));
            return "redirect:/screening/results/" + s.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            model.addAttribute("error", e.getMessage());
            // A changed questionnaire starts afresh; otherwise the answers given are kept.
            return form(current, model, e instanceof ConflictException ? Map.of() : answers, key == null ? UUID.randomUUID().toString() : key,
                    missing);
        }
    }

    @GetMapping("/screening/results/{id}")
    String result(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model, HttpServletRequest request) {
        Screening s = screenings.own(user.id(), id);
        Instrument instrument = screenings.instruments().structure(s.instrument());
        model.addAttribute("screening", s);
        model.addAttribute("title", screenings.instruments().find(s.instrument()).orElse(instrument).title());
        model.addAttribute("reading", Interpretation.of(instrument, s.result()));
        model.addAttribute("completedAt", java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.UK)
                .withZone(java.time.ZoneOffset.UTC).format(s.completedAt()));
        if (s.result().urgent()) {
            model.addAttribute("crisis", crisisHelp.panelFor(request));
        }
        model.addAttribute("guideSuggestions", guides.suggestFor(s.result(), user.familyRole()));
        model.addAttribute("sources", ResultSources.of(s.result()));
        return "screening/result";
    }

    @PostMapping("/screening/results/{id}/support-requests")
    String askForSupport(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        screenings.requestSupport(user.id(), id);
        return "redirect:/screening/results/" + id + "?asked";
    }

    @GetMapping("/screening/history")
    String history(@AuthenticationPrincipal VillageUser user, Model model) {
        List<Screening> all = screenings.history(user.id());
        List<HistoryChart> charts = new ArrayList<>();
        for (String id : screenings.instruments().questionnaireJsonInOrder().keySet()) {
            List<Screening> mine = all.stream().filter(s -> s.instrument().equals(id)).toList();
            if (!mine.isEmpty()) {
                charts.add(HistoryChart.of(id, screenings.instruments().structure(id).shortName(), mine));
            }
        }
        model.addAttribute("charts", charts);
        return "screening/history";
    }

    private String form(Instrument instrument, Model model, Map<String, String> answers, String key, List<String> missing) {
        model.addAttribute("instrument", instrument);
        model.addAttribute("answers", answers);
        model.addAttribute("submissionKey", key);
        model.addAttribute("missing", missing);
        model.addAttribute("time", ABOUT.get(instrument.id())[1]);
        return "screening/form";
    }

    private static UUID uuid(String key) {
        try {
            return key == null || key.isBlank() ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
