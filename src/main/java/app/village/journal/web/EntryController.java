package app.village.journal.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.VillageUser;
import app.village.journal.domain.CheckInService;
import app.village.journal.domain.Entry;
import app.village.journal.domain.EntryService;
import app.village.journal.domain.Heard;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.Paragraphs;
import app.village.safety.CrisisHelp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Journal entries: the list and search, writing, reading, editing, deleting, and "what we heard". */
@Controller
class EntryController {

    private final EntryService entries;
    private final CheckInService checkIns;
    private final CrisisHelp crisisHelp;

    EntryController(EntryService entries, CheckInService checkIns, CrisisHelp crisisHelp) {
        this.entries = entries;
        this.checkIns = checkIns;
        this.crisisHelp = crisisHelp;
    }

    /** Times are shown in the member's own zone. */
    @ModelAttribute("zone")
    java.time.ZoneId zone(@AuthenticationPrincipal VillageUser user) {
        return user == null ? java.time.ZoneOffset.UTC : checkIns.zone(user.id(), null);
    }

    @GetMapping("/journal/entries")
    String list(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("listing", entries.list(user.id(), q, page));
        return "journal/entries";
    }

    @GetMapping("/journal/entries/new")
    String newEntry(Model model) {
        model.addAttribute("body", "");
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        return "journal/entry-form";
    }

    @PostMapping("/journal/entries")
    String write(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String submissionKey, Model model, HttpServletResponse response) {
        try {
            Entry entry = entries.write(user.id(), body, key(submissionKey));
            return "redirect:/journal/entries/" + entry.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            model.addAttribute("body", body);
            model.addAttribute("submissionKey", submissionKey);
            return "journal/entry-form";
        }
    }

    @GetMapping("/journal/entries/{id}")
    String read(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model) {
        return entryPage(entries.get(user.id(), id), model);
    }

    /** Reads the entry now, on the writer's request; nothing of the reading is stored. */
    @PostMapping("/journal/entries/{id}/understanding")
    String understand(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model, HttpServletRequest request) {
        Entry entry = entries.get(user.id(), id);
        Heard heard = entries.understand(user.id(), id);
        model.addAttribute("heard", heard);
        if (heard.urgent()) {
            model.addAttribute("crisis", crisisHelp.panelFor(request));
        }
        return entryPage(entry, model);
    }

    @PostMapping("/journal/entries/{id}/support")
    String support(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        boolean fresh = entries.requestSupport(user.id(), id);
        redirect.addFlashAttribute("notice", fresh
                ? "Thank you for telling us. A moderator will reach out to you in Village. They see that you asked, not what you wrote."
                : "You have already asked about this entry. A moderator will reach out to you.");
        return "redirect:/journal/entries/" + id;
    }

    @GetMapping("/journal/entries/{id}/edit")
    String edit(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model) {
        Entry entry = entries.get(user.id(), id);
        model.addAttribute("editing", entry);
        model.addAttribute("body", entry.body());
        model.addAttribute("version", entry.version());
        return "journal/entry-form";
    }

    @PostMapping("/journal/entries/{id}/edit")
    String update(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam(required = false) String body,
                  @RequestParam(required = false) Integer version, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Entry current = entries.get(user.id(), id);
        try {
            entries.edit(user.id(), id, version, body);
            redirect.addFlashAttribute("notice", "Your entry is saved.");
            return "redirect:/journal/entries/" + id;
        } catch (InvalidInputException | ConflictException e) {
            // What they typed is shown again, so nothing is lost even when the entry changed meanwhile.
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e instanceof InvalidInputException i ? i.field() : "body");
            model.addAttribute("editing", current);
            model.addAttribute("body", body);
            // Boxed on both sides: a form without a version (null) must not be unboxed.
            model.addAttribute("version", e instanceof ConflictException ? Integer.valueOf(current.version()) : version);
            return "journal/entry-form";
        }
    }

    @PostMapping("/journal/entries/{id}/delete")
    String delete(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        entries.delete(user.id(), id);
        redirect.addFlashAttribute("notice", "Your entry is deleted.");
        return "redirect:/journal/entries";
    }

    private static String entryPage(Entry entry, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("paragraphs", Paragraphs.of(entry.body()));
        return "journal/entry";
    }

    private static UUID key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("submissionKey", "The form was damaged. Please reload the page and try again.");
        }
    }
}
