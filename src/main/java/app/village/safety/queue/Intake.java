package app.village.safety.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.community.ContentReported;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.community.Visibility;
import app.village.safety.SafetySignal;
import app.village.safety.SafetySignals;
import app.village.safety.policy.Decision;
import app.village.safety.policy.Reason;
import app.village.safety.policy.RiskPolicy;
import app.village.understanding.InsightJson;
import app.village.understanding.Insights;
import app.village.understanding.PostUnderstood;
import app.village.understanding.RiskLevel;

/**
 * Everything that enters the queue: readings (through the risk policy), members' reports and other
 * modules' signals. Each is idempotent, so an event delivered twice (after a crash) queues once.
 */
@Service
public class Intake implements SafetySignals {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final RiskPolicy policy;
    private final Stories stories;
    private final Insights insights;
    private final QueueRepository queue;
    private final AssessmentRepository assessments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Intake(RiskPolicy policy, Stories stories, Insights insights, QueueRepository queue, AssessmentRepository assessments,
           AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.stories = stories;
        this.insights = insights;
        this.queue = queue;
        this.assessments = assessments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Applies the policy to a reading: what the writer is shown, whether it is held, whether it is queued. */
    @Transactional
    public Decision onReading(PostUnderstood e) {
        Optional<Visibility> visibility = stories.postVisibility(e.postId());
        // Deleted (or erased) before the reading arrived: nobody to show anything to, nothing to review. The lock
        // makes a deletion that comes now wait for this item, so that the erasure marks it.
        if (visibility.isEmpty() || !stories.lockIfPresent(e.subjectKind(), e.subjectId())) {
            return null;
        }
        boolean privateText = visibility.get() == Visibility.PRIVATE;
        List<Reason> reasons = reasons(e);
        Decision decision = policy.decide(e.riskLevel(), reasons, privateText);
        List<String> stored = reasons.stream().map(Reason::stored).toList();
        Instant now = clock.instant();
        assessments.save(new AssessmentRepository.Assessment(e.subjectKind(), e.subjectId(), e.postId(), e.authorId(),
                e.textVersion(), e.riskLevel(), stored, decision.hold(), privateText, now));
        UUID itemId = null;
        if (decision.queue()) {
            String key = "READING:" + e.subjectKind() + ":" + e.subjectId() + ":v" + e.textVersion();
            Optional<UUID> id = queue.insert("READING", key, e.subjectKind(), e.subjectId(), e.postId(), e.authorId(), e.riskLevel(),
                    stored, null, e.textVersion(), now);
            boolean opened = id.isPresent();
            if (id.isEmpty()) {
                opened = queue.updateOpenReading(e.subjectKind(), e.subjectId(), e.riskLevel(), stored, e.textVersion()) > 0;
            } else {
                log.info("Queued {} {} at level {} as item {}", e.subjectKind(), e.subjectId(), e.riskLevel().code(), id.get());
            }
            itemId = id.orElseGet(() -> queue.openReading(e.subjectKind(), e.subjectId()).orElse(null));
            if (opened && itemId != null) {
                UUID item = itemId;
                queue.find(item).filter(i -> i.level() != null).ifPresent(i -> events.publishEvent(new ItemOpened(item, i.level(), i.createdAt())));
            }
        }
        if (decision.hold() && stories.hide(e.subjectKind(), e.subjectId(), true)) {
            audit.record(null, "HOLD", itemId, e.subjectKind(), e.subjectId(), "visible", "held",
                    "reasons " + String.join(",", e.reasonCodes()), now);
        }
        return decision;
    }

    /** A member's report joins the queue with the reports' target. */
    @Transactional
    public void onReport(ContentReported e) {
        Optional<StoryText> text = "REPLY".equals(e.targetKind()) ? stories.replyText(e.targetId()) : stories.postText(e.targetId());
        UUID writer = text.map(StoryText::authorId).orElse(null);
        String reason = e.reason().name().toLowerCase(Locale.ROOT);
        queue.insert("REPORT", "REPORT:" + e.reportId(), e.targetKind(), e.targetId(), e.postId(), writer, null,
                List.of("report_" + reason), e.reason().name(), text.map(StoryText::version).orElse(null), e.occurredAt());
    }

    @Override
    @Transactional
    public UUID raise(SafetySignal signal) {
        String key = "SIGNAL:" + signal.source() + ":" + signal.sourceId();
        RiskLevel level = signal.level().compareTo(RiskLevel.HIGH) >= 0 ? signal.level() : null;
        List<String> reasons = new ArrayList<>();
        signal.reasonCodes().forEach(code -> reasons.add(new Reason(code, "writer").stored()));
        reasons.add(0, new Reason("signal_" + signal.source(), "writer").stored());
        Optional<UUID> added = queue.insert("SIGNAL", key, null, null, null, signal.memberId(), level, reasons, null, null,
                signal.occurredAt());
        if (added.isPresent() && level != null) {
            events.publishEvent(new ItemOpened(added.get(), level, signal.occurredAt()));
        }
        return added.orElseGet(() -> queue.bySourceKeyPrefix(key).getFirst().id());
    }

    /** The event's reason codes, with whose experience each is from the stored reading when it has it. */
    private List<Reason> reasons(PostUnderstood e) {
        List<InsightJson.ReasonJson> read = insights.latestFor(e.subjectKind(), e.subjectId())
                .map(i -> i.risk().reasons()).orElse(List.of());
        List<Reason> reasons = new ArrayList<>();
        for (String code : e.reasonCodes()) {
            List<String> persons = read.stream().filter(r -> r.code().equals(code)).map(InsightJson.ReasonJson::person).distinct().toList();
            if (persons.isEmpty()) {
                reasons.add(new Reason(code, "writer"));
            } else {
                persons.forEach(p -> reasons.add(new Reason(code, p)));
            }
        }
        return reasons;
    }
}
