package app.village.safety.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import app.village.understanding.RiskLevel;

/**
 * What an alert says, all of it: a level, an item id, how long it has waited, the step and a link. Never
 * the text, the writer or the reasons: the person paged reads those in Village, signed in.
 */
record Alert(UUID deliveryId, UUID itemId, RiskLevel level, int step, Duration waiting, URI link) {

    String headline() {
        String what = "An " + level.code() + " item";
        return switch (step) {
            case 0 -> what + " is waiting in Village's moderators' queue";
            case 1 -> what + " is still unclaimed in Village's moderators' queue: you are next on call";
            default -> what + " is still unclaimed in Village's moderators' queue: escalated to the admins";
        };
    }

    String waitingText() {
        long s = waiting.toSeconds();
        return s < 120 ? s + " seconds" : (s / 60) + " minutes";
    }
}
