package app.village.understanding;

import java.util.Optional;
import java.util.UUID;

/**
 * The stored readings of posts and replies, for modules that show what was heard to someone
 * entitled to see it (the moderators' queue shows the evidence in the text).
 */
public interface Insights {

    /**
     * The latest reading of a post or reply, in its JSON shape (evidence with character offsets).
     *
     * @param kind {@code POST} or {@code REPLY}
     */
    Optional<InsightJson> latestFor(String kind, UUID subjectId);
}
