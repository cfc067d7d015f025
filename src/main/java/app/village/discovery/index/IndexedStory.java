package app.village.discovery.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as the index keeps it.
 *
 * @param authorId       null once the writer erased their account and left the post anonymised
 * @param listed         whether other members may be shown it (it is not private, nor hidden)
 * @param role           the writer's family role code ({@code mother}, {@code father}, ...), or {@code unknown}
 * @param themes         TAXONOMY theme codes heard in the post (empty until it has been read)
 * @param vector         the meaning of title and body, unit length, {@link StoryIndex#DIMENSIONS} numbers
 */
public record IndexedStory(UUID id, UUID authorId, String title, String body, Integer childAgeMonths, String role,
                           boolean listed, List<String> themes, Instant publishedAt, int version, float[] vector) {

    public IndexedStory {
        themes = List.copyOf(themes);
        if (vector.length != StoryIndex.DIMENSIONS) {
            throw new IllegalArgumentException("a story vector has " + StoryIndex.DIMENSIONS + " numbers, not " + vector.length);
        }
    }

    /** The text the model and the word index read. */
    public static String text(String title, String body) {
        return title == null || title.isBlank() ? body : title + "\n\n" + body;
    }
}
