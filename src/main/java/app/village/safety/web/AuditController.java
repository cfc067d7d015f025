package app.village.safety.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import app.village.accounts.MemberDirectory;
import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.platform.ForbiddenException;
import app.village.safety.queue.AuditLog;

/** The safety audit log for admins: read only, newest first (the URL rules also keep it to admins). */
@Controller
class AuditController {

    private final AuditLog audit;
    private final MemberDirectory members;

    AuditController(AuditLog audit, MemberDirectory members) {
        this.audit = audit;
        this.members = members;
    }

    @GetMapping("/admin/audit")
    String page(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) Long before, Model model) {
        List<AuditLog.Entry> entries = entries(user, before);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == 100 ? entries.getLast().id() : null);
        return "safety/audit";
    }

    @GetMapping("/api/admin/audit")
    @ResponseBody
    List<AuditLog.Entry> api(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) Long before) {
        return entries(user, before);
    }

    private List<AuditLog.Entry> entries(VillageUser user, Long before) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only admins can read the audit log.");
        }
        List<AuditLog.Entry> page = audit.page(before, 100);
        Set<UUID> actors = new HashSet<>();
        page.forEach(e -> {
            if (e.actorId() != null) {
                actors.add(e.actorId());
            }
        });
        Map<UUID, String> handles = members.handles(actors);
        return page.stream().map(e -> e.withHandle(e.actorId() == null ? null : handles.get(e.actorId()))).toList();
    }
}
