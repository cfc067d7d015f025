package app.village.safety.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.village.accounts.VillageUser;
import app.village.safety.queue.AuditLog;

/** The safety audit log page for admins: read only, newest first (the URL rules also keep it to admins). */
@Controller
class AuditController {

    private final AuditReading reading;

    AuditController(AuditReading reading) {
        this.reading = reading;
    }

    @GetMapping("/admin/audit")
    String page(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) Long before, Model model) {
        List<AuditLog.Entry> entries = reading.entries(user, before);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == AuditReading.PAGE ? entries.getLast().id() : null);
        return "safety/audit";
    }
}
