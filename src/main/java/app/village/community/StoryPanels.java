package app.village.community;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Panels other modules put at the top of a thread for the person reading it (the safety module's
 * crisis help and next steps for the writer of an urgent or high text). Implemented outside the
 * community, so the community does not depend on the modules that act on its posts.
 */
public interface StoryPanels {

    /**
     * The panel for this viewer, or empty.
     *
     * @param writer whether the viewer wrote the post
     */
    Optional<Panel> forViewer(UUID postId, UUID viewerId, boolean writer, HttpServletRequest request);

    /**
     * A fragment {@code panel(content)} of the given template, rendered with {@code content}.
     *
     * @param template a template name such as {@code safety/writer-support}
     */
    record Panel(String template, Object content) {
    }
}
