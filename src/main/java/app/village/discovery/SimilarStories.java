package app.village.discovery;

import java.util.List;
import java.util.UUID;

/**
 * "Parents who wrote something like this" and the story search. Nothing private, hidden or
 * deleted is ever returned to anyone: each answer is checked against the community when it is
 * given, whatever the index holds.
 */
public interface SimilarStories {

    /**
     * The community stories most like this post, for a member who may read it. Stories by the
     * post's writer are left out, and so are the viewer's own unless {@code includeMine}.
     *
     * @throws app.village.platform.NotFoundException when the post does not exist or the viewer may not read it
     */
    List<SimilarStory> similarTo(UUID postId, UUID viewerId, boolean includeMine, int limit);

    /**
     * Whether the viewer's own post is still to be filed at its current text (published or edited a
     * moment ago), so its similar stories are still to come. False for anyone else's post, and for one
     * held or hidden (it is not filed until it is shown again).
     */
    boolean awaitingFiling(UUID postId, UUID viewerId);

    /** Community stories by words and filters; the viewer's own are left out unless the search asks. */
    StorySearchResult search(StorySearch search, UUID viewerId);

    /**
     * Reads the post again from the community and re-files it (or drops it when it is gone). For
     * modules that change whether a post may be shown, such as moderators restoring a hidden post.
     */
    void refresh(UUID postId);

    /** Drops the post from every answer at once, for example when moderators hide it. */
    void forget(UUID postId);
}
