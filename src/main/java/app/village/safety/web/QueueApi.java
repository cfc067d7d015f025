package app.village.safety.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.platform.InvalidInputException;
import app.village.safety.queue.Moderation;
import app.village.safety.queue.QueueItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The moderators' queue for programs. Moderators and admins only (403 for everyone else). */
@RestController
@RequestMapping("/api/moderation")
@Tag(name = "Moderation")
class QueueApi {

    private final Moderation moderation;

    QueueApi(Moderation moderation) {
        this.moderation = moderation;
    }

    record ItemJson(UUID id, String band, String level, String automatedLevel, String source, String subjectKind, UUID subjectId,
                    UUID postId, String handle, String title, List<String> reasons, String reportReason, long waitedSeconds,
                    long targetSeconds, boolean overdue, String claimedBy, boolean escalated, String status, int version) {

        static ItemJson of(Moderation.Row r) {
            QueueItem i = r.item();
            return new ItemJson(i.id(), i.band(), i.level() == null ? null : i.level().code(),
                    i.automatedLevel() == null ? null : i.automatedLevel().code(), i.source(), i.subjectKind(), i.subjectId(), i.postId(),
                    r.handle(), r.title(), i.reasons(), i.reportReason(), r.waited().toSeconds(), r.target().toSeconds(), r.overdue(),
                    r.claimedByHandle(), i.escalated(), i.status(), i.version());
        }
    }

    record ActionRequest(Integer version, Boolean takeOver, String level, String reason, String outcome, String body, String note) {
        int v() {
            if (version == null) {
                throw new InvalidInputException("version", "Send the item's version as you read it.");
            }
            return version;
        }
    }

    @Operation(summary = "Open items: urgent first, then high, then reports; the longest waiting first within each")
    @GetMapping("/queue")
    List<ItemJson> queue(@AuthenticationPrincipal VillageUser user) {
        return moderation.openQueue(user).stream().map(ItemJson::of).toList();
    }

    @Operation(summary = "How many items are open, and a stamp that changes whenever the queue does")
    @GetMapping("/queue/summary")
    Map<String, Object> summary(@AuthenticationPrincipal VillageUser user) {
        return moderation.summary(user);
    }

    @Operation(summary = "Claim an item", description = "409 when its version changed or another moderator has it (send takeOver: true to take it over).")
    @PostMapping("/queue/{id}/claim")
    ItemJson claim(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        moderation.claim(user, id, request.v(), Boolean.TRUE.equals(request.takeOver()));
        return current(user, id);
    }

    @Operation(summary = "Change the level, with a reason (the automated level is kept)")
    @PostMapping("/queue/{id}/level")
    ItemJson level(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        moderation.changeLevel(user, id, request.v(), request.level(), request.reason());
        return current(user, id);
    }

    @Operation(summary = "Send the writer a private supportive message")
    @PostMapping("/queue/{id}/message")
    ItemJson message(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        moderation.message(user, id, request.v(), request.body());
        return current(user, id);
    }

    @Operation(summary = "Escalate to an admin")
    @PostMapping("/queue/{id}/escalate")
    ItemJson escalate(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        moderation.escalate(user, id, request.v(), request.note());
        return current(user, id);
    }

    @Operation(summary = "Resolve with an outcome")
    @PostMapping("/queue/{id}/resolve")
    ItemJson resolve(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        moderation.resolve(user, id, request.v(), request.outcome());
        return current(user, id);
    }

    private ItemJson current(VillageUser user, UUID id) {
        return ItemJson.of(moderation.row(user, id));
    }
}
