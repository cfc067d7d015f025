package app.village.community.domain;

import java.time.Instant;
import java.util.UUID;

import app.village.community.Visibility;

/** A post as stored. {@code authorId} is null once its writer erased their account and left it anonymised. */
public record Post(UUID id, UUID authorId, String title, String body, Visibility visibility, Integer childAgeMonths,
                   int version, Instant createdAt, Instant editedAt) {

    public boolean writtenBy(UUID memberId) {
        return authorId != null && authorId.equals(memberId);
    }

    public boolean readableBy(UUID memberId) {
        return visibility == Visibility.COMMUNITY || writtenBy(memberId);
    }
}
