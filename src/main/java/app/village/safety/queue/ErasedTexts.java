package app.village.safety.queue;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.community.WritingErased;

/**
 * Items about writing erased with its writer's account say so, and the open ones are resolved: the
 * text, its reading and the writer are gone, so there is nothing left to judge and nobody to reach,
 * and an urgent one would otherwise keep paging whoever is on call. Synchronous, in the erasing
 * transaction: the items change with the erasure or not at all. The items themselves stay, ids and
 * codes only, to account for what moderators did (ADR 0007, 0016).
 */
@Component
class ErasedTexts {

    static final String OUTCOME = "Its writer erased it with their account; nothing of the text is kept.";

    private final QueueRepository queue;
    private final AuditLog audit;
    private final Clock clock;

    ErasedTexts(QueueRepository queue, AuditLog audit, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(WritingErased event) {
        Instant now = clock.instant();
        for (QueueItem item : queue.resolveErased(event.postIds(), event.replyIds(), OUTCOME, now)) {
            audit.record(null, "TEXT_ERASED", item.id(), item.subjectKind(), item.subjectId(), item.open() ? "open" : "resolved",
                    "resolved", "erased with its writer's account", now);
        }
    }
}
