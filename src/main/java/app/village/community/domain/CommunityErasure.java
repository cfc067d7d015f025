package app.village.community.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.accounts.AccountErased;
import app.village.accounts.ContentChoice;
import app.village.community.WritingErased;

/**
 * Runs inside the erasing transaction (a plain, synchronous listener on purpose): if anything here
 * fails, the account is not erased either. Deleted writing is announced with {@link WritingErased},
 * so the modules that keep readings, index entries or queue items of it remove them too.
 */
@Component
class CommunityErasure {

    private final PostRepository posts;
    private final ReplyRepository replies;
    private final EngagementRepository engagement;
    private final NotificationRepository notifications;
    private final ReportRepository reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommunityErasure(PostRepository posts, ReplyRepository replies, EngagementRepository engagement,
                     NotificationRepository notifications, ReportRepository reports, ApplicationEventPublisher events,
                     Clock clock) {
        this.posts = posts;
        this.replies = replies;
        this.engagement = engagement;
        this.notifications = notifications;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AccountErased erased) {
        UUID member = erased.memberId();
        if (erased.contentChoice() == ContentChoice.REMOVE) {
            remove(member);
        } else {
            replies.anonymiseAuthor(member);
            posts.anonymiseAuthor(member);
        }
        engagement.forget(member);
        notifications.forget(member);
        // What they wrote to the moderators goes with them, whichever choice: it was never for other parents.
        reports.forgetReporter(member);
    }

    private void remove(UUID member) {
        List<UUID> postIds = posts.idsByAuthor(member);
        // Other members' replies in these threads go with them (the foreign key cascades), so they are announced too.
        List<UUID> replyIds = replies.idsByAuthorOrInThreads(member, postIds);
        if (postIds.isEmpty() && replyIds.isEmpty()) {
            return;
        }
        List<UUID> texts = new ArrayList<>(postIds);
        texts.addAll(replyIds);
        // A report about an erased text may quote it; the report stays (its reporter's record), its words do not.
        reports.forgetDetailsAbout(texts);
        replies.deleteByAuthor(member);
        posts.deleteByAuthor(member);
        events.publishEvent(new WritingErased(member, postIds, replyIds, clock.instant()));
    }
}
