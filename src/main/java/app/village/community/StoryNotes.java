package app.village.community;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules have to say to the writer about their own post, shown on the thread page
 * (for example "what we heard"). Implemented outside the community, so the community does not
 * depend on the modules that read its posts.
 */
public interface StoryNotes {

    /** A short heading and plain-words lines for the writer, or empty when there is nothing to say. */
    Optional<Note> forWriter(UUID postId);

    record Note(String heading, List<String> lines, String footnote) {
    }
}
