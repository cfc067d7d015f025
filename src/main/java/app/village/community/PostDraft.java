package app.village.community;

import java.util.UUID;

/**
 * A post as typed, before checking. The child is either one from the writer's profile
 * ({@code childId}) or an age in months; {@code submissionKey} makes a double click harmless.
 */
public record PostDraft(String title, String body, String visibility, UUID childId, Integer childAgeMonths,
                        UUID submissionKey) {
}
