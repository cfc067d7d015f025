package app.village.community;

import java.time.Instant;
import java.util.UUID;

/** The writer changed a post (its text, visibility or child age). */
public record PostEdited(UUID postId, UUID authorId, Visibility visibility, int version, Instant occurredAt) {
}
