package app.village.safety.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.community.StoryPanels;
import app.village.safety.CrisisHelp;
import app.village.safety.CrisisPanel;
import app.village.safety.queue.WriterSupport;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The writer's panel at the top of their thread. It is always there for the writer (hidden while
 * nothing is to be shown), so that when the reading arrives a moment after the page, the script can
 * show the crisis help already rendered in it rather than build it.
 */
@Component
class WriterPanels implements StoryPanels {

    private final WriterSupport support;
    private final CrisisHelp crisisHelp;

    WriterPanels(WriterSupport support, CrisisHelp crisisHelp) {
        this.support = support;
        this.crisisHelp = crisisHelp;
    }

    /** What the fragment renders. */
    record Content(WriterSupport.Status status, CrisisPanel crisis, long pollMillis) {
    }

    @Override
    public Optional<Panel> forViewer(UUID postId, UUID viewerId, boolean writer, HttpServletRequest request) {
        // Present for every viewer, hidden unless it has something to say: whoever just sent a reply is its writer.
        WriterSupport.Status status = support.forThread(postId, viewerId, writer);
        return Optional.of(new Panel("safety/writer-support", new Content(status, crisisHelp.panelFor(request),
                support.pollFor().toMillis())));
    }
}
