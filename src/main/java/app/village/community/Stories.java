package app.village.community;

import java.util.UUID;

/** Writing to the community on a member's behalf, for modules that seed content (the demo data). */
public interface Stories {

    /** Publishes a post; the same submission key publishes once. Returns the post's id. */
    UUID publish(UUID author, PostDraft draft);

    /** Replies in a thread; the same submission key replies once. Returns the reply's id. */
    UUID reply(UUID author, UUID postId, String body, UUID submissionKey);

    /** A post's text for reading by another module (private posts included: the reader must keep them private). */
    java.util.Optional<StoryText> postText(UUID postId);

    /** A reply's text, with its thread's title. */
    java.util.Optional<StoryText> replyText(UUID replyId);

    /** Post ids in id order after the given one (null for the start), a page at a time, for re-reading everything. */
    java.util.List<UUID> postIds(UUID after, int limit);

    /**
     * Of these posts, the ones every member may read now, each with when it was published: they
     * exist and are not private. Modules that show posts to other members (similar stories) ask
     * this at the moment they show them. When moderators can hide posts, hidden ones belong out of
     * this answer too.
     */
    java.util.Map<UUID, java.time.Instant> readableByAll(java.util.Collection<UUID> postIds);
}
