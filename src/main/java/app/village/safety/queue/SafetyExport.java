package app.village.safety.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.accounts.PersonalDataContributor;
import app.village.safety.crisis.ChosenCountries;

/**
 * A member's share of safety data in their export: the country they chose for crisis help, the private
 * messages moderators sent them, and what the risk policy decided about their own texts. Moderators'
 * notes about them (queue outcomes, the audit) are the service's records of its own actions and stay out.
 */
@Component
class SafetyExport implements PersonalDataContributor {

    private final ChosenCountries countries;
    private final MessageRepository messages;
    private final AssessmentRepository assessments;

    SafetyExport(ChosenCountries countries, MessageRepository messages, AssessmentRepository assessments) {
        this.countries = countries;
        this.messages = messages;
        this.assessments = assessments;
    }

    record MessageExport(String body, Instant sentAt) {
    }

    @Override
    public String section() {
        return "safety";
    }

    @Override
    public Object export(UUID memberId) {
        List<MessageExport> received = messages.to(memberId).stream().map(m -> new MessageExport(m.body(), m.createdAt())).toList();
        return Map.of(
                "crisisHelpCountry", countries.of(memberId).orElse(""),
                "messagesFromModerators", received,
                "readingsOfYourTexts", assessments.byAuthor(memberId).stream()
                        .map(a -> Map.of("kind", a.subjectKind(), "id", a.subjectId(), "level", a.level().code(),
                                "held", a.held(), "decidedAt", a.decidedAt()))
                        .toList());
    }
}
