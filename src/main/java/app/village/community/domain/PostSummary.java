package app.village.community.domain;

import app.village.community.Visibility;

import java.time.Instant;
import java.util.UUID;

/** A post in the feed: an excerpt and counts. */
public record PostSummary(UUID id, String title, String excerpt, String authorHandle, Visibility visibility,
                          Integer childAgeMonths, int replyCount, int reactionCount, Instant createdAt) {
}
