package app.village.community;

import java.util.UUID;

/**
 * The community for other modules: writing on a member's behalf (the demo data, a moderator's reply), reading
 * texts to understand them, and holding or hiding them for safety.
 */
public interface Stories {

    /** Publishes a post; the same submission key publishes once. Returns the post's id. */
    UUID publish(UUID author, PostDraft draft);

    /** Replies in a thread; the same submission key replies once. Returns the reply's id. */
    UUID reply(UUID author, UUID postId, String body, UUID submissionKey);

    /** A post's text for reading by another module (private posts included: the reader must keep them private). */
    java.util.Optional<StoryText> postText(UUID postId);

    /** A reply's text, with its thread's title. */
    java.util.Optional<StoryText> replyText(UUID replyId);

    /** Who can read a post, or empty when it does not exist. */
    java.util.Optional<Visibility> postVisibility(UUID postId);

    /**
     * Hides a post or reply ({@code kind} {@code POST} or {@code REPLY}) from everyone but its writer and the
     * moderators: {@code held} when the safety policy holds it for review, otherwise a moderator hid it.
     * Publishes {@link PostHidden}. Returns false when it was hidden already.
     */
    boolean hide(String kind, UUID id, boolean held);

    /** Shows a hidden post or reply again; publishes {@link PostRestored}. Returns false when it was not hidden. */
    boolean restore(String kind, UUID id);

    /** Whether a post or reply is hidden now, or empty when it does not exist. */
    java.util.Optional<Hidden> hiddenState(String kind, UUID id);

    /** @param held hidden automatically for review rather than by a moderator */
    record Hidden(boolean hidden, boolean held) {
    }

    /** Post ids in id order after the given one (null for the start), a page at a time, for re-reading everything. */
    java.util.List<UUID> postIds(UUID after, int limit);

    /**
     * Of these posts, the ones every member may read now, each with when it was published: they
     * exist, are not private and are not hidden or held. Modules that show posts to other members
     * (similar stories) ask this at the moment they show them.
     */
    java.util.Map<UUID, java.time.Instant> readableByAll(java.util.Collection<UUID> postIds);

    /**
     * The titles of these posts (private and hidden ones included: for moderators' lists), in one look;
     * a post that no longer exists is absent. A list should not show a hidden one's title: showing a
     * held or hidden text to anyone but its writer is audited, and a list is not one view of it.
     */
    java.util.Map<UUID, Title> titles(java.util.Collection<UUID> postIds);

    /** @param hidden held or hidden by a moderator now */
    record Title(String text, boolean hidden) {
    }

    /**
     * Whether a post or reply ({@code kind} {@code POST} or {@code REPLY}) still exists, locking it against
     * deletion until the caller's transaction ends. A module that keeps something derived from a text (a
     * reading) keeps it only while this says the text exists: a deletion or erasure that waited for the lock
     * is announced afterwards and removes what was kept, and one that came first leaves nothing to keep.
     */
    boolean lockIfPresent(String kind, UUID id);
}
