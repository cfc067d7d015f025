package app.village.community.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.ChildProfile;
import app.village.accounts.MemberDirectory;
import app.village.accounts.Role;
import app.village.community.ContentReported;
import app.village.community.HiddenTextShown;
import app.village.community.PostDeleted;
import app.village.community.PostEdited;
import app.village.community.PostHidden;
import app.village.community.PostRestored;
import app.village.community.PostDraft;
import app.village.community.PostPublished;
import app.village.community.Stories;
import app.village.community.ReactionKind;
import app.village.community.ReplyDeleted;
import app.village.community.ReplyPublished;
import app.village.community.ReportReason;
import app.village.community.Visibility;
import app.village.platform.ConflictException;
import app.village.platform.ForbiddenException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;

/**
 * Everything members do in the community. Each public method is one transaction, so a request
 * that fails leaves nothing half-written; events are published inside it and recorded by the
 * event registry with the same commit.
 */
@Service
public class CommunityService implements Stories {

    public static final int PAGE_SIZE = 20;
    static final String NO_SUCH_POST = "This post does not exist, or it is private.";

    private final PostRepository posts;
    private final ReplyRepository replies;
    private final EngagementRepository engagement;
    private final NotificationRepository notifications;
    private final ReportRepository reports;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommunityService(PostRepository posts, ReplyRepository replies, EngagementRepository engagement,
                     NotificationRepository notifications, ReportRepository reports, MemberDirectory members,
                     ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.replies = replies;
        this.engagement = engagement;
        this.notifications = notifications;
        this.reports = reports;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID publish(UUID author, PostDraft draft) {
        return publishPost(author, draft).id();
    }

    @Override
    @Transactional
    public UUID reply(UUID author, UUID postId, String body, UUID submissionKey) {
        return replyTo(author, postId, body, submissionKey).id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<app.village.community.StoryText> postText(UUID postId) {
        return posts.find(postId).map(p -> new app.village.community.StoryText(p.id(), p.id(), p.authorId(), p.title(), p.body(),
                p.childAgeMonths(), p.version()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<app.village.community.StoryText> replyText(UUID replyId) {
        return replies.find(replyId).flatMap(r -> posts.find(r.postId()).map(p -> new app.village.community.StoryText(
                r.id(), p.id(), r.authorId(), null, r.body(), p.childAgeMonths(), r.version())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> postIds(UUID after, int limit) {
        return posts.idsAfter(after, Math.max(1, Math.min(limit, 1_000)));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Instant> readableByAll(java.util.Collection<UUID> postIds) {
        return postIds.isEmpty() ? Map.of() : posts.readableByAll(postIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Title> titles(java.util.Collection<UUID> postIds) {
        return postIds.isEmpty() ? Map.of() : posts.titles(postIds);
    }

    @Override
    @Transactional
    public boolean lockIfPresent(String kind, UUID id) {
        return switch (subjectKind(kind)) {
            case "POST" -> posts.lockIfPresent(id);
            default -> replies.lockIfPresent(id);
        };
    }

    @Transactional
    public Post publishPost(UUID author, PostDraft draft) {
        String title = CommunityRules.title(draft.title());
        String body = CommunityRules.body(draft.body());
        Visibility visibility = CommunityRules.visibility(draft.visibility());
        Integer age = childAge(author, draft);
        Instant now = clock.instant();
        UUID key = draft.submissionKey() == null ? UUID.randomUUID() : draft.submissionKey();
        Post candidate = new Post(UUID.randomUUID(), author, title, body, visibility, age, 0, now, null, null, null);
        UUID id = posts.insertOnce(candidate, key);
        if (id.equals(candidate.id())) {
            engagement.follow(id, author, now);
            events.publishEvent(new PostPublished(id, author, visibility, age, now));
        }
        return posts.find(id).orElseThrow();
    }

    @Transactional
    public Post edit(UUID author, UUID postId, int expectedVersion, PostDraft draft) {
        Post current = ownPost(author, postId);
        String title = CommunityRules.title(draft.title());
        String body = CommunityRules.body(draft.body());
        Visibility visibility = CommunityRules.visibility(draft.visibility());
        Integer age = draft.childId() == null && draft.childAgeMonths() == null ? current.childAgeMonths() : childAge(author, draft);
        Instant now = clock.instant();
        if (!posts.update(postId, author, expectedVersion, title, body, visibility, age, now)) {
            throw new ConflictException("This post was changed somewhere else while you were editing it. "
                    + "Your changes were not saved; please copy them, reload and edit again.");
        }
        events.publishEvent(new PostEdited(postId, author, visibility, expectedVersion + 1, now));
        return posts.find(postId).orElseThrow();
    }

    @Transactional
    public void delete(UUID author, UUID postId) {
        ownPost(author, postId);
        posts.delete(postId, author);
        events.publishEvent(new PostDeleted(postId, clock.instant()));
    }

    @Transactional(readOnly = true)
    public FeedPage feed(UUID viewer, int page) {
        int number = Math.max(1, Math.min(page, 10_000));
        List<PostRepository.FeedRow> rows = posts.feed(viewer, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE);
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<PostRepository.FeedRow> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        Set<UUID> authors = new HashSet<>();
        shown.forEach(r -> {
            if (r.authorId() != null) {
                authors.add(r.authorId());
            }
        });
        Map<UUID, String> handles = members.handles(authors);
        List<PostSummary> named = shown.stream()
                .map(r -> r.withHandle(r.authorId() == null ? null : handles.get(r.authorId()))).toList();
        return new FeedPage(named, number, hasNext);
    }

    /**
     * A post with its replies as the viewer may see them. A held or hidden text shown to anyone but its
     * writer (a moderator) is announced with {@link HiddenTextShown}, for the audit.
     *
     * @param shownOn where it is shown, named in the audit ("the thread page", "GET /api/posts/{id}")
     */
    @Transactional
    public ThreadView thread(UUID viewer, UUID postId, String shownOn) {
        Post post = readablePost(viewer, postId);
        boolean moderator = moderates(viewer);
        // A hidden reply stays in the thread for its writer and the moderators only.
        List<Reply> thread = replies.inThread(postId).stream()
                .filter(r -> !r.hidden() || r.writtenBy(viewer) || moderator).toList();
        if (post.hidden() && !post.writtenBy(viewer)) {
            events.publishEvent(new HiddenTextShown(viewer, "POST", post.id(), post.id(), post.held(), shownOn));
        }
        thread.stream().filter(r -> r.hidden() && !r.writtenBy(viewer)).forEach(r -> events.publishEvent(
                new HiddenTextShown(viewer, "REPLY", r.id(), postId, "HELD".equals(r.hiddenReason()), shownOn)));
        Set<UUID> authors = new HashSet<>();
        if (post.authorId() != null) {
            authors.add(post.authorId());
        }
        thread.forEach(r -> {
            if (r.authorId() != null) {
                authors.add(r.authorId());
            }
        });
        Map<UUID, String> handles = members.handles(authors);
        List<ThreadView.ReplyView> views = thread.stream()
                .map(r -> new ThreadView.ReplyView(r, r.authorId() == null ? null : handles.get(r.authorId()), r.writtenBy(viewer)))
                .toList();
        notifications.markThreadRead(viewer, postId, clock.instant());
        return new ThreadView(post, post.authorId() == null ? null : handles.get(post.authorId()), views,
                engagement.reactionCounts(postId), engagement.reactionsOf(postId, viewer),
                engagement.follows(postId, viewer), post.writtenBy(viewer));
    }

    @Transactional(readOnly = true)
    public Post ownPost(UUID author, UUID postId) {
        Post post = readablePost(author, postId);
        if (!post.writtenBy(author)) {
            throw new ForbiddenException("Only the person who wrote a post can change or delete it.");
        }
        return post;
    }

    @Transactional
    public Reply replyTo(UUID author, UUID postId, String text, UUID submissionKey) {
        readablePost(author, postId);
        String body = CommunityRules.reply(text);
        Instant now = clock.instant();
        UUID key = submissionKey == null ? UUID.randomUUID() : submissionKey;
        Reply candidate = new Reply(UUID.randomUUID(), postId, author, body, 0, now, null, null, null);
        Optional<UUID> inserted = replies.insertOnce(candidate, key);
        if (inserted.isEmpty()) {
            return replies.find(replies.existing(author, key)).orElseThrow();
        }
        List<UUID> recipients = new ArrayList<>(engagement.followers(postId));
        recipients.remove(author);
        notifications.newReply(recipients, postId, candidate.id(), now);
        engagement.follow(postId, author, now);
        events.publishEvent(new ReplyPublished(candidate.id(), postId, author, now));
        return candidate;
    }

    @Transactional
    public Reply editReply(UUID author, UUID replyId, int expectedVersion, String text) {
        Reply reply = ownReply(author, replyId);
        String body = CommunityRules.reply(text);
        Instant now = clock.instant();
        if (!replies.update(replyId, author, expectedVersion, body, now)) {
            throw new ConflictException("This reply was changed somewhere else while you were editing it. "
                    + "Your changes were not saved; please copy them, reload and edit again.");
        }
        events.publishEvent(new app.village.community.ReplyEdited(replyId, reply.postId(), author, expectedVersion + 1, now));
        return replies.find(reply.id()).orElseThrow();
    }

    @Transactional
    public UUID deleteReply(UUID author, UUID replyId) {
        Reply reply = ownReply(author, replyId);
        replies.delete(replyId, author);
        events.publishEvent(new ReplyDeleted(replyId, reply.postId(), clock.instant()));
        return reply.postId();
    }

    @Transactional(readOnly = true)
    public Reply ownReply(UUID author, UUID replyId) {
        Reply reply = replies.find(replyId).orElseThrow(() -> new NotFoundException("This reply does not exist."));
        readablePost(author, reply.postId());
        if (!reply.writtenBy(author)) {
            throw new ForbiddenException("Only the person who wrote a reply can change or delete it.");
        }
        return reply;
    }

    @Transactional
    public void react(UUID member, UUID postId, String kind, boolean on) {
        readablePost(member, postId);
        ReactionKind reaction = CommunityRules.reaction(kind);
        if (on) {
            engagement.react(postId, member, reaction, clock.instant());
        } else {
            engagement.unreact(postId, member, reaction);
        }
    }

    @Transactional
    public void follow(UUID member, UUID postId, boolean on) {
        readablePost(member, postId);
        if (on) {
            engagement.follow(postId, member, clock.instant());
        } else {
            engagement.unfollow(postId, member);
        }
    }

    /** Reports a post or reply; reporting the same thing twice is harmless and says so. */
    @Transactional
    public boolean report(UUID reporter, String targetKind, UUID targetId, String reason, String details) {
        ReportReason why = CommunityRules.reportReason(reason == null ? "" : reason);
        String text = CommunityRules.reportDetails(details);
        UUID postId;
        String kind = targetKind == null ? "" : targetKind.strip().toUpperCase(java.util.Locale.ROOT);
        boolean own;
        switch (kind) {
            case "POST" -> {
                Post post = readablePost(reporter, targetId);
                postId = post.id();
                own = post.writtenBy(reporter);
            }
            case "REPLY" -> {
                Reply reply = replies.find(targetId).orElseThrow(() -> new NotFoundException("This reply does not exist."));
                postId = readablePost(reporter, reply.postId()).id();
                own = reply.writtenBy(reporter);
            }
            default -> throw new InvalidInputException("targetKind", "Say whether you report a post or a reply.");
        }
        if (own) {
            // A report puts the text before the moderators: a writer's own private post would reach them by a side door.
            throw new InvalidInputException("targetId", "This is your own text, so there is nothing to report. You can edit or "
                    + "delete it; if you need someone now, see Need help now.");
        }
        Instant now = clock.instant();
        Optional<UUID> id = reports.insertOnce(kind, targetId, postId, reporter, why, text, now);
        id.ifPresent(reportId -> events.publishEvent(new ContentReported(reportId, kind, targetId, postId, why, now)));
        return id.isPresent();
    }

    @Transactional(readOnly = true)
    public List<NotificationView> notifications(UUID member) {
        List<NotificationRepository.Row> rows = notifications.latest(member, 100);
        Set<UUID> repliers = new HashSet<>();
        rows.forEach(r -> {
            if (r.replierId() != null) {
                repliers.add(r.replierId());
            }
        });
        Map<UUID, String> handles = members.handles(repliers);
        return rows.stream().map(r -> new NotificationView(r.id(), r.postId(), r.postTitle(), r.replyId(),
                r.replierId() == null ? null : handles.get(r.replierId()), r.createdAt(), r.read())).toList();
    }

    @Transactional(readOnly = true)
    public int unreadNotifications(UUID member) {
        return notifications.unread(member);
    }

    @Transactional
    public void markNotificationsRead(UUID member) {
        notifications.markAllRead(member, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Visibility> postVisibility(UUID postId) {
        return posts.find(postId).map(Post::visibility);
    }

    @Override
    @Transactional
    public boolean hide(String kind, UUID id, boolean held) {
        String reason = held ? "HELD" : "MODERATOR";
        Instant now = clock.instant();
        return switch (subjectKind(kind)) {
            case "POST" -> {
                boolean changed = posts.hide(id, reason, now);
                if (changed) {
                    events.publishEvent(new PostHidden("POST", id, id, reason, now));
                }
                yield changed;
            }
            default -> {
                Reply reply = replies.find(id).orElseThrow(() -> new NotFoundException("This reply does not exist."));
                boolean changed = replies.hide(id, reason, now);
                if (changed) {
                    events.publishEvent(new PostHidden("REPLY", id, reply.postId(), reason, now));
                }
                yield changed;
            }
        };
    }

    @Override
    @Transactional
    public boolean restore(String kind, UUID id) {
        Instant now = clock.instant();
        return switch (subjectKind(kind)) {
            case "POST" -> {
                boolean changed = posts.restore(id);
                if (changed) {
                    events.publishEvent(new PostRestored("POST", id, id, now));
                }
                yield changed;
            }
            default -> {
                Reply reply = replies.find(id).orElseThrow(() -> new NotFoundException("This reply does not exist."));
                boolean changed = replies.restore(id);
                if (changed) {
                    events.publishEvent(new PostRestored("REPLY", id, reply.postId(), now));
                }
                yield changed;
            }
        };
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Hidden> hiddenState(String kind, UUID id) {
        return switch (subjectKind(kind)) {
            case "POST" -> posts.find(id).map(p -> new Hidden(p.hidden(), p.held()));
            default -> replies.find(id).map(r -> new Hidden(r.hidden(), "HELD".equals(r.hiddenReason())));
        };
    }

    private static String subjectKind(String kind) {
        String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!k.equals("POST") && !k.equals("REPLY")) {
            throw new InvalidInputException("kind", "Say whether this is a post or a reply.");
        }
        return k;
    }

    /** Moderators and admins read hidden posts and replies (the safety module audits what they open). */
    private boolean moderates(UUID viewer) {
        return viewer != null && members.find(viewer)
                .map(m -> m.roles().contains(Role.MODERATOR) || m.roles().contains(Role.ADMIN)).orElse(false);
    }

    private Post readablePost(UUID viewer, UUID postId) {
        Post post = posts.find(postId).orElseThrow(() -> new NotFoundException(NO_SUCH_POST));
        if (post.hidden() && post.visibility() == Visibility.COMMUNITY && moderates(viewer)) {
            return post;
        }
        if (!post.readableBy(viewer)) {
            // Someone else's private post: say it does not exist rather than that it is private.
            throw new NotFoundException(NO_SUCH_POST);
        }
        return post;
    }

    private Integer childAge(UUID author, PostDraft draft) {
        if (draft.childId() != null) {
            ChildProfile child = members.children(author).stream().filter(c -> c.id().equals(draft.childId())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("childId", "That child is not on your profile."));
            return child.ageMonths(clock);
        }
        return CommunityRules.childAgeMonths(draft.childAgeMonths());
    }
}
