package app.village.journal.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.village.journal.SupportRequested;
import app.village.safety.SafetySignal;
import app.village.safety.SafetySignals;
import app.village.understanding.RiskLevel;

/**
 * A member who asks a moderator to reach out is queued at least as high (reviewed within hours),
 * urgent when the entry's reading was urgent. The moderator learns who asked and why, never the
 * entry. The request's id is derived from the event itself, so a re-delivered event adds nothing.
 */
@Component
class JournalSafety {

    static final String ASKED = "asked_for_support";

    private final SafetySignals signals;

    JournalSafety(SafetySignals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(SupportRequested request) {
        RiskLevel level = RiskLevel.ofCode(request.riskLevel()).max(RiskLevel.HIGH);
        List<String> reasons = new ArrayList<>(request.reasonCodes());
        reasons.add(ASKED);
        UUID id = UUID.nameUUIDFromBytes((request.memberId() + "/" + request.occurredAt()).getBytes(StandardCharsets.UTF_8));
        signals.raise(new SafetySignal("journal", id, request.memberId(), level, reasons, request.occurredAt()));
    }
}
