package app.village.community.domain;

import java.time.Instant;
import java.util.UUID;

public record Reply(UUID id, UUID postId, UUID authorId, String body, int version, Instant createdAt, Instant editedAt) {

    public boolean writtenBy(UUID memberId) {
        return authorId != null && authorId.equals(memberId);
    }
}
