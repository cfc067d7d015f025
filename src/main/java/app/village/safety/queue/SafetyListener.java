package app.village.safety.queue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.village.accounts.AccountErased;
import app.village.community.ContentReported;
import app.village.platform.UrgentListener;
import app.village.understanding.PostUnderstood;

/**
 * Readings and reports arrive as persisted events after their transaction commits; a crash before one
 * is handled means it is delivered again at the next start, and the intake is idempotent.
 */
@Component
class SafetyListener {

    private final Intake intake;
    private final AssessmentRepository assessments;
    private final MessageRepository messages;

    private final app.village.safety.crisis.ChosenCountries countries;

    SafetyListener(Intake intake, AssessmentRepository assessments, MessageRepository messages,
                   app.village.safety.crisis.ChosenCountries countries) {
        this.intake = intake;
        this.assessments = assessments;
        this.messages = messages;
        this.countries = countries;
    }

    /** An urgent reading is queued at once, not after the readings and indexing a burst queued before it. */
    @UrgentListener
    void on(PostUnderstood event) {
        intake.onReading(event);
    }

    @ApplicationModuleListener
    void on(ContentReported event) {
        intake.onReport(event);
    }

    /** Queue items and the audit stay (ids only, needed to account for what moderators did); the member's messages go. */
    @ApplicationModuleListener
    void on(AccountErased event) {
        messages.deleteFor(event.memberId());
        assessments.forgetAuthor(event.memberId());
        countries.forget(event.memberId());
    }
}
