package app.village.community.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.community.ReactionKind;
import app.village.community.domain.CommunityService;
import app.village.community.domain.FeedPage;
import app.village.community.domain.NotificationView;
import app.village.community.domain.Post;
import app.village.community.PostDraft;
import app.village.community.domain.Reply;
import app.village.community.domain.ThreadView;
import app.village.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Community", description = "Posts, replies, reactions, follows, notifications and reports")
class CommunityApi {

    private final CommunityService community;

    CommunityApi(CommunityService community) {
        this.community = community;
    }

    /** A post to create or replace. {@code version} is required when replacing: it guards against lost updates. */
    record PostRequest(String title, String body, String visibility, UUID childId, Integer childAgeMonths, Integer version) {
    }

    /** @param hidden null unless the post is hidden: {@code held} (waiting for a moderator) or {@code moderator} */
    record PostJson(UUID id, String title, String body, String visibility, Integer childAgeMonths, String authorHandle,
                    boolean mine, int version, Instant createdAt, Instant editedAt, String hidden) {
    }

    record ReplyJson(UUID id, UUID postId, String body, String authorHandle, boolean mine, int version,
                     Instant createdAt, Instant editedAt, String hidden) {
    }

    record ThreadJson(PostJson post, List<ReplyJson> replies, Map<ReactionKind, Integer> reactions,
                      List<ReactionKind> myReactions, boolean following) {
    }

    record ReplyRequest(String body, Integer version) {
    }

    record ReportRequest(String targetKind, UUID targetId, String reason, String details) {
    }

    @Operation(summary = "The feed: community posts and your own private ones, newest first, 20 a page")
    @GetMapping("/posts")
    FeedPage feed(@AuthenticationPrincipal VillageUser user, @RequestParam(defaultValue = "1") int page) {
        return community.feed(user.id(), page);
    }

    @Operation(summary = "Publish a post", description = "Send an Idempotency-Key (a UUID) to make retries harmless.")
    @PostMapping("/posts")
    ResponseEntity<PostJson> publish(@AuthenticationPrincipal VillageUser user, @RequestBody PostRequest request,
                                     @Parameter(description = "UUID; the same key returns the same post")
                                     @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Post post = community.publishPost(user.id(), draft(request, key));
        return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(json(post, user.handle(), true));
    }

    @Operation(summary = "A post with its replies")
    @GetMapping("/posts/{id}")
    ThreadJson thread(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        ThreadView t = community.thread(user.id(), id, "GET /api/posts/{id}");
        return new ThreadJson(json(t.post(), t.authorHandle(), t.mine()),
                t.replies().stream().map(r -> json(r.reply(), r.authorHandle(), r.mine())).toList(),
                t.reactionCounts(), List.copyOf(t.myReactions()), t.following());
    }

    @Operation(summary = "Replace your post", description = "409 when the post changed since the version you send.")
    @PutMapping("/posts/{id}")
    PostJson edit(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody PostRequest request) {
        community.ownPost(user.id(), id);
        Post post = community.edit(user.id(), id, version(request.version()), draft(request, null));
        return json(post, user.handle(), true);
    }

    @DeleteMapping("/posts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        community.delete(user.id(), id);
    }

    @PostMapping("/posts/{id}/replies")
    ResponseEntity<ReplyJson> reply(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id,
                                    @RequestBody ReplyRequest request,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Reply reply = community.replyTo(user.id(), id, request.body(), key(key));
        return ResponseEntity.created(URI.create("/api/replies/" + reply.id())).body(json(reply, user.handle(), true));
    }

    @PutMapping("/replies/{id}")
    ReplyJson editReply(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ReplyRequest request) {
        community.ownReply(user.id(), id);
        return json(community.editReply(user.id(), id, version(request.version()), request.body()), user.handle(), true);
    }

    @DeleteMapping("/replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteReply(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        community.deleteReply(user.id(), id);
    }

    @Operation(summary = "Add a reaction (me_too, strength, thank_you); counted once per member")
    @PutMapping("/posts/{id}/reactions/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void react(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @PathVariable String kind) {
        community.react(user.id(), id, kind, true);
    }

    @DeleteMapping("/posts/{id}/reactions/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unreact(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @PathVariable String kind) {
        community.react(user.id(), id, kind, false);
    }

    @Operation(summary = "Follow a thread: be notified of new replies")
    @PutMapping("/posts/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void follow(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        community.follow(user.id(), id, true);
    }

    @DeleteMapping("/posts/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfollow(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        community.follow(user.id(), id, false);
    }

    @GetMapping("/notifications")
    List<NotificationView> notifications(@AuthenticationPrincipal VillageUser user) {
        return community.notifications(user.id());
    }

    @PostMapping("/notifications/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@AuthenticationPrincipal VillageUser user) {
        community.markNotificationsRead(user.id());
    }

    @Operation(summary = "Report a post or reply to the moderators", description = "targetKind POST or REPLY; reason RISK_OF_HARM, UNKIND, SPAM, PRIVACY or OTHER.")
    @PostMapping("/reports")
    ResponseEntity<Map<String, Object>> report(@AuthenticationPrincipal VillageUser user, @RequestBody ReportRequest request) {
        boolean fresh = community.report(user.id(), request.targetKind(), request.targetId(), request.reason(), request.details());
        return ResponseEntity.status(fresh ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("reported", true, "new", fresh));
    }

    private static PostDraft draft(PostRequest request, String key) {
        return new PostDraft(request.title(), request.body(), request.visibility(), request.childId(), request.childAgeMonths(), key(key));
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "Send the version of the text you edited, as read from GET.");
        }
        return version;
    }

    private static UUID key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key header must be a UUID.");
        }
    }

    private static PostJson json(Post p, String handle, boolean mine) {
        return new PostJson(p.id(), p.title(), p.body(), p.visibility().name(), p.childAgeMonths(), handle, mine,
                p.version(), p.createdAt(), p.editedAt(), hidden(p.hiddenReason()));
    }

    private static ReplyJson json(Reply r, String handle, boolean mine) {
        return new ReplyJson(r.id(), r.postId(), r.body(), handle, mine, r.version(), r.createdAt(), r.editedAt(),
                hidden(r.hiddenReason()));
    }

    private static String hidden(String reason) {
        return reason == null ? null : reason.toLowerCase(java.util.Locale.ROOT);
    }
}
