package app.village.community;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What other modules have to say to the writer about their own post, shown on the thread page
 * (for example "what we heard"). Implemented outside the community, so the community does not
 * depend on the modules that read its posts. Order the implementations with {@code @Order}.
 */
public interface StoryNotes {

    /** A short heading and plain-words lines for the writer, or empty when there is nothing to say. */
    Optional<Note> forWriter(UUID postId);

    /**
     * @param links   pages inside Village the note points to (for example a guide), each with a line saying why;
     *                empty for a note of plain lines
     * @param pending the note waits for something still under way (the post's reading): its one line says what,
     *                and the writer's page fills it in by itself once it is ready
     */
    record Note(String heading, List<String> lines, String footnote, List<Link> links, boolean pending) {

        public Note(String heading, List<String> lines, String footnote) {
            this(heading, lines, footnote, List.of(), false);
        }

        public Note(String heading, List<String> lines, String footnote, List<Link> links) {
            this(heading, lines, footnote, links, false);
        }

        /** A note still to come: its heading, and what it waits for in plain words. */
        public static Note pending(String heading, String waitingFor) {
            return new Note(heading, List.of(waitingFor), "", List.of(), true);
        }

        public Note {
            lines = List.copyOf(lines);
            links = List.copyOf(links);
        }
    }

    /**
     * A link to a page of Village itself. Only site-relative paths are accepted, so a note can
     * never send the writer to another site.
     */
    record Link(String text, String path, String why) {

        private static final Pattern SITE_PATH = Pattern.compile("/[A-Za-z0-9/_-]*(\\?[A-Za-z0-9=&_-]*)?(#[A-Za-z0-9_-]+)?");

        public Link {
            if (path == null || !SITE_PATH.matcher(path).matches() || path.startsWith("//")) {
                throw new IllegalArgumentException("A note links only to a path inside Village");
            }
        }
    }
}
