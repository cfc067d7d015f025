package app.village.screening.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.village.safety.SafetySignal;
import app.village.safety.SafetySignals;
import app.village.screening.ScreeningCompleted;
import app.village.understanding.RiskLevel;

/**
 * An answer about self-harm or harming the baby puts the member in the moderators' queue as
 * urgent, whatever the total. The event is persisted with the screening, so a crash before this
 * runs loses nothing; the queue adds one item per screening however often it is delivered.
 */
@Component
class ScreeningSafety {

    private final SafetySignals signals;

    ScreeningSafety(SafetySignals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(ScreeningCompleted completed) {
        if (!completed.urgent()) {
            return;
        }
        signals.raise(new SafetySignal("screening", completed.screeningId(), completed.memberId(), RiskLevel.URGENT,
                completed.reasonCodes(), completed.occurredAt()));
    }
}
