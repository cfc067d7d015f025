package app.village.safety.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.safety.policy.Decision;
import app.village.safety.policy.NextStep;
import app.village.safety.policy.Reason;
import app.village.safety.policy.RiskPolicy;
import app.village.safety.policy.SafetyProperties;
import app.village.understanding.RiskLevel;

/**
 * What the writer of a text sees once it has been read: the crisis panel for an urgent text, a kind
 * word when it is held, specific next steps for a high one. Only ever about the viewer's own texts.
 */
@Service
public class WriterSupport {

    private final AssessmentRepository assessments;
    private final Stories stories;
    private final RiskPolicy policy;
    private final SafetyProperties properties;
    private final Clock clock;

    WriterSupport(AssessmentRepository assessments, Stories stories, RiskPolicy policy, SafetyProperties properties, Clock clock) {
        this.assessments = assessments;
        this.stories = stories;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param pending the text has not been read yet (the page asks again for a few seconds)
     * @param queued a moderator will read it, within {@code target}
     */
    public record Status(UUID postId, boolean pending, RiskLevel level, boolean crisis, boolean held, boolean queued,
                         Duration target, List<NextStep> steps) {

        public boolean shown() {
            return crisis || held || !steps.isEmpty();
        }

        public String targetText() {
            return target == null ? null : Durations.plain(target);
        }

        static Status pending(UUID postId) {
            return new Status(postId, true, null, false, false, false, null, List.of());
        }

        static Status nothing(UUID postId) {
            return new Status(postId, false, null, false, false, false, null, List.of());
        }
    }

    /** The most serious of the viewer's texts in this thread, or pending while the post they wrote is being read. */
    @Transactional(readOnly = true)
    public Status forThread(UUID postId, UUID viewerId, boolean writer) {
        List<AssessmentRepository.Assessment> mine = assessments.inThreadBy(postId, viewerId);
        if (!mine.isEmpty() && mine.getFirst().level().compareTo(RiskLevel.HIGH) >= 0) {
            return status(mine.getFirst());
        }
        // Every reading leaves an assessment, whatever its level: none yet means the post is still being read.
        if (writer && assessments.find("POST", postId).isEmpty()) {
            return Status.pending(postId);
        }
        return Status.nothing(postId);
    }

    /** One text of the viewer's ({@code kind} POST or REPLY); empty when it is not theirs. */
    @Transactional(readOnly = true)
    public Optional<Status> forText(String kind, UUID subjectId, UUID viewerId) {
        Optional<StoryText> text = "REPLY".equals(kind) ? stories.replyText(subjectId) : stories.postText(subjectId);
        if (text.isEmpty() || !viewerId.equals(text.get().authorId())) {
            return Optional.empty();
        }
        return Optional.of(assessments.find(kind, subjectId)
                .filter(a -> a.textVersion() >= text.get().version())
                .map(this::status)
                .orElseGet(() -> Status.pending(text.get().postId())));
    }

    public Duration pollFor() {
        return properties.writerPollFor();
    }

    private Status status(AssessmentRepository.Assessment a) {
        Decision d = policy.decide(a.level(), a.reasons().stream().map(Reason::ofStored).toList(), a.privatePost());
        return new Status(a.postId(), false, a.level(), d.crisisPanel(), a.held(), d.queue(), d.target(), d.steps());
    }
}
