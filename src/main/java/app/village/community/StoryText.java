package app.village.community;

import java.util.UUID;

/** The text of a post or reply as another module may read it (to understand it), with what is known about it. */
public record StoryText(UUID id, UUID postId, UUID authorId, String title, String body, Integer childAgeMonths, int version) {
}
