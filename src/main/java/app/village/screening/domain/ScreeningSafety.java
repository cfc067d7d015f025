package app.village.screening.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.village.safety.SafetySignal;
import app.village.safety.SafetySignals;
import app.village.understanding.RiskLevel;

/**
 * A screening reaches the moderators only when its member asks ("Ask a moderator to reach out to
 * me" under the result): urgent when an answer was about self-harm or harming the baby, otherwise
 * reviewed within hours. An answer alone alerts nobody; the member sees crisis help at once instead.
 * The event is persisted with the request, and the queue keeps one item per screening however
 * often it is asked or delivered.
 */
@Component
class ScreeningSafety {

    static final String ASKED = "asked_for_support";

    private final SafetySignals signals;

    ScreeningSafety(SafetySignals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(ScreeningSupportRequested request) {
        java.util.List<String> reasons = new java.util.ArrayList<>(request.reasonCodes());
        reasons.add(ASKED);
        signals.raise(new SafetySignal("screening", request.screeningId(), request.memberId(),
                request.urgent() ? RiskLevel.URGENT : RiskLevel.HIGH, reasons, request.occurredAt()));
    }
}
