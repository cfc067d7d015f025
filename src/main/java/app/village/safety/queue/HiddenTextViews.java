package app.village.safety.queue;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.community.HiddenTextShown;

/**
 * Every time a held or hidden post or reply is shown to someone other than its writer, wherever it is
 * shown, the audit says who saw what and when (never the text). Synchronous, in the transaction that
 * showed it: no view goes unrecorded.
 */
@Component
class HiddenTextViews {

    private final QueueRepository queue;
    private final AuditLog audit;
    private final Clock clock;

    HiddenTextViews(QueueRepository queue, AuditLog audit, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(HiddenTextShown shown) {
        audit.record(shown.viewerId(), shown.held() ? "VIEW_HELD" : "VIEW_HIDDEN",
                queue.latestFor(shown.subjectKind(), shown.subjectId()).orElse(null), shown.subjectKind(), shown.subjectId(),
                null, null, "on " + shown.shownOn(), clock.instant());
    }
}
