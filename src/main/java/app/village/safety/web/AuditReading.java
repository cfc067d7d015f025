package app.village.safety.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.accounts.MemberDirectory;
import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.platform.ForbiddenException;
import app.village.safety.queue.AuditLog;

/** The safety audit log as admins read it, on the page and through the API: 100 entries, newest first, with handles. */
@Component
class AuditReading {

    static final int PAGE = 100;

    private final AuditLog audit;
    private final MemberDirectory members;

    AuditReading(AuditLog audit, MemberDirectory members) {
        this.audit = audit;
        this.members = members;
    }

    List<AuditLog.Entry> entries(VillageUser user, Long before) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only admins can read the audit log.");
        }
        List<AuditLog.Entry> page = audit.page(before, PAGE);
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
