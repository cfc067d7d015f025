package app.village.community;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member erased their account and chose to delete what they wrote: these posts (with every reply
 * in their threads, whoever wrote it) and these replies in other threads are gone. Published inside
 * the erasing transaction after the rows are deleted, so a module that keeps something derived from
 * these texts (a reading, an index entry, a queue item) removes it in the same transaction or, for
 * what is not in the database, after it commits. Ids only, never text.
 *
 * @param replyIds the writer's replies in other members' threads, and every reply in the erased threads
 */
public record WritingErased(UUID writerId, List<UUID> postIds, List<UUID> replyIds, Instant occurredAt) {

    public WritingErased {
        postIds = List.copyOf(postIds);
        replyIds = List.copyOf(replyIds);
    }
}
