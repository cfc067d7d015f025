package app.village.safety.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.safety.queue.SupportMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A member's private messages from moderators, for programs: that member's own, nobody else's. */
@RestController
@Tag(name = "Moderation")
class MessagesApi {

    private final SupportMessages messages;

    MessagesApi(SupportMessages messages) {
        this.messages = messages;
    }

    record MessageJson(UUID id, String from, String body, Instant sentAt) {
    }

    @Operation(summary = "Your private messages from moderators")
    @GetMapping("/api/safety/messages")
    List<MessageJson> messages(@AuthenticationPrincipal VillageUser user) {
        return messages.read(user.id()).stream()
                .map(s -> new MessageJson(s.message().id(), s.fromHandle(), s.message().body(), s.message().createdAt())).toList();
    }
}
