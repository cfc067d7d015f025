package app.village.safety.policy;

import java.time.Duration;
import java.util.List;

import app.village.understanding.RiskLevel;

/**
 * What the policy decided for one reading.
 *
 * @param crisisPanel show the writer the crisis panel at once
 * @param hold keep the text from everyone but its writer and the moderators until a moderator has read it
 * @param queue put it in the moderators' queue (and alert them)
 * @param target how soon a moderator should look, when queued
 * @param steps specific next steps shown prominently to the writer
 */
public record Decision(RiskLevel level, boolean crisisPanel, boolean hold, boolean queue, Duration target, List<NextStep> steps) {

    public Decision {
        steps = List.copyOf(steps);
    }
}
