package app.village.understanding;

import java.util.Optional;
import java.util.UUID;

/**
 * The stored readings of posts and replies, for modules that act on what was heard (the
 * moderators' queue shows the evidence in the text; guidance suggests help that fits). Private
 * posts are included: the caller shows a reading only to whom may see the text.
 */
public interface Insights {

    /**
     * The latest reading of a post or reply, in its JSON shape (evidence with character offsets).
     *
     * @param kind {@code POST} or {@code REPLY}
     */
    Optional<InsightJson> latestFor(String kind, UUID subjectId);

    /**
     * Whether a post's current text is still to be read: it has no reading yet, or only one of an earlier
     * version (it was edited a moment ago). False for a post that does not exist.
     */
    boolean awaitingReading(UUID postId);

    /** The latest reading of a post, or empty when it has not been read yet (or is deleted). */
    default Optional<Insight> ofPost(UUID postId) {
        return latestFor("POST", postId).map(InsightJson::toInsight);
    }
}
