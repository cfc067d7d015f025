package app.village.safety.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.MemberDirectory;
import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.platform.ConflictException;
import app.village.platform.ForbiddenException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.platform.UserText;
import app.village.safety.policy.SafetyProperties;
import app.village.understanding.InsightJson;
import app.village.understanding.Insights;
import app.village.understanding.RiskLevel;

/**
 * The moderators' queue and what they do with it. Each action is one transaction that locks the item,
 * checks the version the moderator saw (so two moderators never act on one item without seeing each
 * other's change), requires the actor to hold the item's claim, and writes the audit entry with it.
 */
@Service
public class Moderation {

    static final int OUTCOME_MAX = 2000;
    static final int MESSAGE_MAX = 5000;
    static final int REASON_MAX = 2000;

    private final QueueRepository queue;
    private final MessageRepository messages;
    private final AuditLog audit;
    private final Stories stories;
    private final Insights insights;
    private final MemberDirectory members;
    private final SafetyProperties properties;
    private final Clock clock;

    Moderation(QueueRepository queue, MessageRepository messages, AuditLog audit, Stories stories, Insights insights,
               MemberDirectory members, SafetyProperties properties, Clock clock) {
        this.queue = queue;
        this.messages = messages;
        this.audit = audit;
        this.stories = stories;
        this.insights = insights;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- reading the queue ----------------------------------------------------------------------

    /** A row of the queue as a moderator sees it. */
    public record Row(QueueItem item, String handle, String claimedByHandle, String title, Duration waited, Duration target,
                      boolean overdue) {

        public String waitedText() {
            return Durations.plain(waited);
        }

        public String targetText() {
            return Durations.plain(target);
        }
    }

    @Transactional(readOnly = true)
    public List<Row> openQueue(VillageUser viewer) {
        requireModerator(viewer);
        return rows(queue.open(500));
    }

    @Transactional(readOnly = true)
    public List<Row> recentlyResolved(VillageUser viewer) {
        requireModerator(viewer);
        return rows(queue.recentlyResolved(20));
    }

    /** Changes whenever the queue does, so an open page knows when to refresh without reloading everything. */
    @Transactional(readOnly = true)
    public Map<String, Object> summary(VillageUser viewer) {
        requireModerator(viewer);
        return queue.summary();
    }

    @Transactional(readOnly = true)
    public Row row(VillageUser viewer, UUID itemId) {
        requireModerator(viewer);
        return rows(List.of(queue.find(itemId).orElseThrow(() -> new NotFoundException("This queue item does not exist.")))).getFirst();
    }

    @Transactional(readOnly = true)
    public int openCount() {
        return queue.countOpen();
    }

    /** One item with everything a moderator needs to judge it. */
    public record Detail(Row row, String title, List<Highlight.Piece> titlePieces, List<Highlight.Piece> bodyPieces,
                         List<ReasonView> reasons, boolean textGone, boolean textErased, boolean hidden, boolean held, List<Row> earlier,
                         List<QueueRepository.Override> overrides, List<SupportMessage> sentByViewer,
                         List<AuditLog.Entry> history, Map<UUID, String> handles, boolean mineToActOn) {
    }

    /** A reason with the words that show it, or none for reports and signals. */
    public record ReasonView(String code, String person, String evidence) {
    }

    /** Opens one item; opening a held post is recorded in the audit. */
    @Transactional
    public Detail open(VillageUser viewer, UUID itemId) {
        requireModerator(viewer);
        QueueItem item = queue.find(itemId).orElseThrow(() -> new NotFoundException("This queue item does not exist."));
        Optional<StoryText> text = !item.hasText() ? Optional.empty()
                : "REPLY".equals(item.subjectKind()) ? stories.replyText(item.subjectId()) : stories.postText(item.subjectId());
        Optional<Stories.Hidden> hidden = item.hasText() ? stories.hiddenState(item.subjectKind(), item.subjectId()) : Optional.empty();
        Optional<InsightJson> insight = item.hasText() ? insights.latestFor(item.subjectKind(), item.subjectId()) : Optional.empty();
        List<Highlight.Span> titleSpans = new ArrayList<>();
        List<Highlight.Span> bodySpans = new ArrayList<>();
        List<ReasonView> reasons = new ArrayList<>();
        insight.ifPresent(i -> {
            for (InsightJson.ReasonJson r : i.risk().reasons()) {
                InsightJson.EvidenceJson e = r.evidence();
                reasons.add(new ReasonView(r.code(), r.person(), e == null ? null : e.text()));
                if (e != null) {
                    ("title".equals(e.field()) ? titleSpans : bodySpans).add(new Highlight.Span(e.start(), e.end(), e.text(), r.code()));
                }
            }
        });
        if (reasons.isEmpty()) {
            item.reasonList().forEach(r -> reasons.add(new ReasonView(r.code(), r.person(), null)));
        }
        String title = text.map(StoryText::title).orElse(null);
        boolean held = hidden.map(Stories.Hidden::held).orElse(false);
        if (hidden.map(Stories.Hidden::hidden).orElse(false)) {
            audit.record(viewer.id(), held ? "VIEW_HELD" : "VIEW_HIDDEN", item.id(), item.subjectKind(), item.subjectId(), null, null,
                    "on the queue item page", clock.instant());
        }
        List<Row> earlier = item.memberId() == null ? List.of() : rows(queue.forMember(item.memberId(), item.id(), 20));
        List<AuditLog.Entry> history = audit.forItem(item.id());
        Set<UUID> people = new HashSet<>();
        history.forEach(h -> {
            if (h.actorId() != null) {
                people.add(h.actorId());
            }
        });
        List<QueueRepository.Override> overrides = queue.overrides(item.id());
        overrides.forEach(o -> people.add(o.by()));
        Map<UUID, String> handles = members.handles(people);
        return new Detail(rows(List.of(item)).getFirst(), title,
                title == null ? List.of() : Highlight.pieces(title, titleSpans),
                text.map(t -> Highlight.pieces(t.body(), bodySpans)).orElse(List.of()), reasons,
                item.hasText() && text.isEmpty(), item.textErased(), hidden.map(Stories.Hidden::hidden).orElse(false), held, earlier,
                overrides,
                messages.forItemFrom(item.id(), viewer.id()),
                history.stream().map(h -> h.withHandle(h.actorId() == null ? null : handles.get(h.actorId()))).toList(), handles,
                viewer.id().equals(item.claimedBy()));
    }

    // ---- actions --------------------------------------------------------------------------------

    /** Takes the item. Taking it from another moderator needs {@code takeOver}: nobody takes an item over without seeing it. */
    @Transactional
    public QueueItem claim(VillageUser actor, UUID itemId, int version, boolean takeOver) {
        QueueItem item = lockOpen(actor, itemId, version);
        if (item.claimedBy() != null && !item.claimedBy().equals(actor.id()) && !takeOver) {
            throw new ConflictException(handle(item.claimedBy()) + " is working on this item. Take it over only if you have agreed so.");
        }
        if (item.escalated() && !actor.has(Role.ADMIN)) {
            throw new ForbiddenException("This item was escalated to an admin.");
        }
        apply(queue.claim(itemId, version, actor.id(), clock.instant()));
        audit.record(actor.id(), "CLAIM", itemId, item.subjectKind(), item.subjectId(), claimState(item), "claimed by " + actor.id(),
                null, clock.instant());
        return queue.find(itemId).orElseThrow();
    }

    @Transactional
    public void release(VillageUser actor, UUID itemId, int version) {
        QueueItem item = lockClaimed(actor, itemId, version);
        apply(queue.release(itemId, version));
        audit.record(actor.id(), "RELEASE", itemId, item.subjectKind(), item.subjectId(), claimState(item), "unclaimed", null, clock.instant());
    }

    /** A public reply in the thread, under the moderator's own handle. */
    @Transactional
    public UUID replyPublicly(VillageUser actor, UUID itemId, int version, String body, UUID submissionKey) {
        QueueItem item = lockClaimed(actor, itemId, version);
        if (item.postId() == null) {
            throw new InvalidInputException("body", "This item has no thread to reply in; send a private message instead.");
        }
        String text = UserText.required("body", "Your reply", body, 10_000, true);
        UUID replyId = stories.reply(actor.id(), item.postId(), text, submissionKey);
        apply(queue.touch(itemId, version));
        audit.record(actor.id(), "REPLY_PUBLIC", itemId, "REPLY", replyId, null, null, "in thread " + item.postId(), clock.instant());
        return replyId;
    }

    /** A private supportive message: only the moderator and the member can read it. */
    @Transactional
    public UUID message(VillageUser actor, UUID itemId, int version, String body) {
        QueueItem item = lockClaimed(actor, itemId, version);
        if (item.memberId() == null || members.find(item.memberId()).isEmpty()) {
            throw new InvalidInputException("body", "The writer has left Village; there is nobody to send a message to.");
        }
        String text = UserText.required("body", "Your message", body, MESSAGE_MAX, true);
        UUID id = messages.insert(itemId, actor.id(), item.memberId(), text, clock.instant());
        apply(queue.touch(itemId, version));
        audit.record(actor.id(), "MESSAGE_PRIVATE", itemId, item.subjectKind(), item.subjectId(), null, "message " + id,
                "to member " + item.memberId(), clock.instant());
        return id;
    }

    @Transactional
    public void hide(VillageUser actor, UUID itemId, int version) {
        QueueItem item = lockClaimed(actor, itemId, version);
        requireText(item);
        if (!stories.hide(item.subjectKind(), item.subjectId(), false)) {
            throw new ConflictException("This is hidden already.");
        }
        apply(queue.touch(itemId, version));
        audit.record(actor.id(), "HIDE", itemId, item.subjectKind(), item.subjectId(), "visible", "hidden", null, clock.instant());
    }

    @Transactional
    public void restore(VillageUser actor, UUID itemId, int version) {
        QueueItem item = lockClaimed(actor, itemId, version);
        requireText(item);
        boolean wasHeld = stories.hiddenState(item.subjectKind(), item.subjectId()).map(Stories.Hidden::held).orElse(false);
        if (!stories.restore(item.subjectKind(), item.subjectId())) {
            throw new ConflictException("This is not hidden.");
        }
        apply(queue.touch(itemId, version));
        audit.record(actor.id(), "RESTORE", itemId, item.subjectKind(), item.subjectId(), wasHeld ? "held" : "hidden", "visible", null,
                clock.instant());
    }

    /** A person's judgement over the automated level: kept beside it, with the reason. */
    @Transactional
    public void changeLevel(VillageUser actor, UUID itemId, int version, String level, String reason) {
        QueueItem item = lockClaimed(actor, itemId, version);
        RiskLevel to;
        try {
            to = RiskLevel.ofCode(level == null ? "" : level);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "Choose a level: none, low, moderate, high or urgent.");
        }
        String why = UserText.required("reason", "The reason", reason, REASON_MAX, true);
        if (to == item.level()) {
            throw new InvalidInputException("level", "The item is at that level already.");
        }
        Instant now = clock.instant();
        apply(queue.changeLevel(itemId, version, to));
        queue.insertOverride(itemId, item.level(), to, why, actor.id(), now);
        audit.record(actor.id(), "CHANGE_LEVEL", itemId, item.subjectKind(), item.subjectId(), levelText(item.level()), to.code(),
                "automated level " + levelText(item.automatedLevel()), now);
    }

    @Transactional
    public void escalate(VillageUser actor, UUID itemId, int version, String note) {
        QueueItem item = lockClaimed(actor, itemId, version);
        if (item.escalated()) {
            throw new ConflictException("This item is with an admin already.");
        }
        String why = UserText.optional("note", "The note", note, REASON_MAX, true);
        apply(queue.escalate(itemId, version, actor.id(), clock.instant()));
        audit.record(actor.id(), "ESCALATE", itemId, item.subjectKind(), item.subjectId(), claimState(item), "escalated to admin",
                why == null ? null : "note given", clock.instant());
    }

    @Transactional
    public void resolve(VillageUser actor, UUID itemId, int version, String outcome) {
        QueueItem item = lockClaimed(actor, itemId, version);
        String text = UserText.required("outcome", "The outcome", outcome, OUTCOME_MAX, true);
        apply(queue.resolve(itemId, version, actor.id(), text, clock.instant()));
        audit.record(actor.id(), "RESOLVE", itemId, item.subjectKind(), item.subjectId(), "open", "resolved", null, clock.instant());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private List<Row> rows(List<QueueItem> items) {
        Set<UUID> people = new HashSet<>();
        for (QueueItem i : items) {
            if (i.memberId() != null) {
                people.add(i.memberId());
            }
            if (i.claimedBy() != null) {
                people.add(i.claimedBy());
            }
        }
        Map<UUID, String> handles = members.handles(people);
        // All the titles in one statement: a title per row was a statement per row (300 on a busy queue).
        Map<UUID, Stories.Title> titles = stories.titles(items.stream().filter(QueueItem::hasText).map(QueueItem::postId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Instant now = clock.instant();
        return items.stream().map(i -> {
            Duration waited = i.waited(now);
            Duration target = properties.targetFor(i.level());
            return new Row(i, i.memberId() == null ? null : handles.get(i.memberId()),
                    i.claimedBy() == null ? null : handles.get(i.claimedBy()), listTitle(i, i.postId() == null ? null : titles.get(i.postId())), waited, target,
                    i.open() && waited.compareTo(target) > 0);
        }).toList();
    }

    /**
     * What a list calls an item. A hidden post's title is its text too: lists name it without it, and the
     * item's own page, which shows the text, is the audited view.
     */
    private static String listTitle(QueueItem i, Stories.Title title) {
        if (!i.hasText()) {
            return "Signal: " + i.reasons().getFirst().replace("@writer", "").replace("signal_", "");
        }
        if (i.textErased()) {
            return "(erased with its writer's account)";
        }
        if (title == null) {
            return "(deleted by its writer)";
        }
        return title.hidden() ? "(a hidden post: open the item to read it)" : title.text();
    }

    private QueueItem lockOpen(VillageUser actor, UUID itemId, int version) {
        requireModerator(actor);
        QueueItem item = queue.lock(itemId).orElseThrow(() -> new NotFoundException("This queue item does not exist."));
        if (!item.open()) {
            throw new ConflictException("This item was resolved meanwhile.");
        }
        if (item.version() != version) {
            throw new ConflictException("Someone else acted on this item since you opened it"
                    + (item.claimedBy() == null ? "" : " (" + handle(item.claimedBy()) + " has it now)")
                    + ". Look at what changed before you act.");
        }
        return item;
    }

    private QueueItem lockClaimed(VillageUser actor, UUID itemId, int version) {
        QueueItem item = lockOpen(actor, itemId, version);
        if (!actor.id().equals(item.claimedBy())) {
            throw new ConflictException(item.claimedBy() == null ? "Claim this item first, so nobody else works on it at the same time."
                    : handle(item.claimedBy()) + " is working on this item.");
        }
        return item;
    }

    private static void apply(boolean changed) {
        if (!changed) {
            throw new ConflictException("Someone else acted on this item at the same moment. Look at what changed before you act.");
        }
    }

    private static void requireText(QueueItem item) {
        if (!item.hasText()) {
            throw new InvalidInputException("item", "This item has no post or reply to hide or restore.");
        }
    }

    static void requireModerator(VillageUser user) {
        if (user == null || !(user.has(Role.MODERATOR) || user.has(Role.ADMIN))) {
            throw new ForbiddenException("Only moderators can see the queue.");
        }
    }

    private String handle(UUID member) {
        return members.handles(List.of(member)).getOrDefault(member, "Another moderator");
    }

    private static String claimState(QueueItem item) {
        return item.claimedBy() == null ? "unclaimed" : "claimed by " + item.claimedBy();
    }

    private static String levelText(RiskLevel level) {
        return level == null ? "report" : level.code();
    }
}
