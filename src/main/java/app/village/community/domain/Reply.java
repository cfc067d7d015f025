package app.village.community.domain;

import java.time.Instant;
import java.util.UUID;

/** A reply as stored; {@code hiddenAt} is set while a moderator (or the safety policy) hides it. */
public record Reply(UUID id, UUID postId, UUID authorId, String body, int version, Instant createdAt, Instant editedAt,
                    Instant hiddenAt, String hiddenReason) {

    public boolean hidden() {
        return hiddenAt != null;
    }


    public boolean writtenBy(UUID memberId) {
        return authorId != null && authorId.equals(memberId);
    }
}
