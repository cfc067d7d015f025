package app.village.community;

import java.util.UUID;

/**
 * A held or hidden post or reply was shown to someone other than its writer (a moderator or an
 * admin). Published synchronously inside the request's transaction, so the safety module's audit
 * entry is written with it or not at all. Ids only, never text.
 *
 * @param subjectKind {@code POST} or {@code REPLY}
 * @param held        held automatically for review, rather than hidden by a moderator
 * @param shownOn     where it was shown, for the audit ("the thread page", "GET /api/posts/{id}")
 */
public record HiddenTextShown(UUID viewerId, String subjectKind, UUID subjectId, UUID postId, boolean held, String shownOn) {
}
