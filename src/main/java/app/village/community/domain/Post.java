package app.village.community.domain;

import java.time.Instant;
import java.util.UUID;

import app.village.community.Visibility;

/**
 * A post as stored. {@code authorId} is null once its writer erased their account and left it anonymised.
 * {@code hiddenAt} is set while the post is held by the safety policy or hidden by a moderator: then only
 * its writer and the moderators can read it.
 */
public record Post(UUID id, UUID authorId, String title, String body, Visibility visibility, Integer childAgeMonths,
                   int version, Instant createdAt, Instant editedAt, Instant hiddenAt, String hiddenReason) {

    public boolean hidden() {
        return hiddenAt != null;
    }

    /** Held automatically for a moderator (rather than hidden by one). */
    public boolean held() {
        return hidden() && "HELD".equals(hiddenReason);
    }

    public boolean writtenBy(UUID memberId) {
        return authorId != null && authorId.equals(memberId);
    }

    public boolean readableBy(UUID memberId) {
        return (visibility == Visibility.COMMUNITY && !hidden()) || writtenBy(memberId);
    }
}
