package app.village.community.domain;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.accounts.AccountErased;
import app.village.accounts.ContentChoice;

/**
 * Runs inside the erasing transaction (a plain, synchronous listener on purpose): if anything here
 * fails, the account is not erased either.
 */
@Component
class CommunityErasure {

    private final PostRepository posts;
    private final ReplyRepository replies;
    private final EngagementRepository engagement;
    private final NotificationRepository notifications;
    private final ReportRepository reports;

    CommunityErasure(PostRepository posts, ReplyRepository replies, EngagementRepository engagement,
                     NotificationRepository notifications, ReportRepository reports) {
        this.posts = posts;
        this.replies = replies;
        this.engagement = engagement;
        this.notifications = notifications;
        this.reports = reports;
    }

    @EventListener
    void on(AccountErased erased) {
        if (erased.contentChoice() == ContentChoice.REMOVE) {
            replies.deleteByAuthor(erased.memberId());
            posts.deleteByAuthor(erased.memberId());
        } else {
            replies.anonymiseAuthor(erased.memberId());
            posts.anonymiseAuthor(erased.memberId());
        }
        engagement.forget(erased.memberId());
        notifications.forget(erased.memberId());
        reports.forgetReporter(erased.memberId());
    }
}
