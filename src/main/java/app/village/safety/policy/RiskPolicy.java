package app.village.safety.policy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.village.understanding.RiskLevel;

/**
 * The one place that turns a risk level and its reasons into actions (TAXONOMY.md): urgent shows the
 * crisis panel at once and alerts the moderators, publishing the text unless a reason is one that holds
 * it (by default harm to the child or signs of psychosis: silence is worse than publishing, except
 * there); high enters the queue for review within hours with specific next steps for the writer;
 * moderate and below get guidance only. A private ("only me") text shows its writer the same help but
 * alerts nobody: no one else may read it.
 */
@Component
public class RiskPolicy {

    private final SafetyProperties properties;

    public RiskPolicy(SafetyProperties properties) {
        this.properties = properties;
    }

    public Decision decide(RiskLevel level, List<Reason> reasons, boolean privateText) {
        boolean urgent = level == RiskLevel.URGENT;
        boolean hold = !privateText && reasons.stream().anyMatch(r -> properties.holdReasons().contains(r.code()));
        boolean queue = !privateText && level.compareTo(properties.queueFrom()) >= 0;
        List<NextStep> steps = level.compareTo(RiskLevel.HIGH) >= 0 ? steps(level, reasons) : List.of();
        return new Decision(level, urgent, hold, queue, queue ? properties.targetFor(level) : null, steps);
    }

    private static List<NextStep> steps(RiskLevel level, List<Reason> reasons) {
        List<NextStep> steps = new ArrayList<>();
        boolean crying = has(reasons, "infant_crying");
        boolean anger = has(reasons, "anger_irritability");
        if (crying && anger) {
            steps.add(NextStep.STEP_AWAY);
        }
        if (reasons.stream().anyMatch(r -> r.person().equals("partner"))) {
            steps.add(NextStep.PARTNER_HELP);
        }
        if (has(reasons, "intrusive_thoughts")) {
            steps.add(NextStep.FRIGHTENING_THOUGHTS);
        }
        if (reasons.stream().anyMatch(r -> r.code().equals("perinatal_depression") && !r.person().equals("partner"))) {
            steps.add(NextStep.LOW_MOOD);
        }
        if (has(reasons, "regret_or_rejection") && !steps.contains(NextStep.PARTNER_HELP)) {
            steps.add(NextStep.FEELINGS_FOR_BABY);
        }
        // Urgent texts get the crisis panel, which says whom to call now.
        if (level == RiskLevel.HIGH) {
            steps.add(NextStep.TALK_SOON);
        }
        return steps;
    }

    private static boolean has(List<Reason> reasons, String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
