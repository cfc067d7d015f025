package app.village.understanding;

import java.util.Optional;
import java.util.UUID;

/**
 * The stored reading of a post, for modules that act on what was heard (guidance suggests help
 * that fits). Private posts are included: the caller must show the result only to whom may see the post.
 */
public interface Readings {

    /** The latest reading of the post, or empty when it has not been read yet (or is deleted). */
    Optional<Insight> ofPost(UUID postId);
}
