package app.village.safety.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.safety.queue.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The safety audit log for programs, admins only. */
@RestController
@Tag(name = "Moderation")
class AuditApi {

    private final AuditReading reading;

    AuditApi(AuditReading reading) {
        this.reading = reading;
    }

    @Operation(summary = "The safety audit log, 100 entries, newest first; before: the id of the oldest entry already read")
    @GetMapping("/api/admin/audit")
    List<AuditLog.Entry> entries(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) Long before) {
        return reading.entries(user, before);
    }
}
