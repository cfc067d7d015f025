package app.village.community;

import java.util.UUID;

/** Writing to the community on a member's behalf, for modules that seed content (the demo data). */
public interface Stories {

    /** Publishes a post; the same submission key publishes once. Returns the post's id. */
    UUID publish(UUID author, PostDraft draft);

    /** Replies in a thread; the same submission key replies once. Returns the reply's id. */
    UUID reply(UUID author, UUID postId, String body, UUID submissionKey);
}
