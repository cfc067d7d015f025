package app.village.safety;

import java.util.UUID;

/**
 * Puts a member in front of a moderator for something other than a post: the screening module calls it
 * for an urgent {@code ScreeningCompleted}, the journal when a member asks a moderator for support. The
 * item joins the same queue as posts, ordered by its level, with the targets of the risk policy.
 */
public interface SafetySignals {

    /** Queues the signal once (raising it again with the same source and id adds nothing); returns the item's id. */
    UUID raise(SafetySignal signal);
}
