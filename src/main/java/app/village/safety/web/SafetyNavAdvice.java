package app.village.safety.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.safety.queue.Moderation;
import app.village.safety.queue.SupportMessages;

/** The header's badges: open queue items for moderators, unread messages from moderators for everyone. */
@ControllerAdvice(annotations = Controller.class)
class SafetyNavAdvice {

    private final Moderation moderation;
    private final SupportMessages messages;

    SafetyNavAdvice(Moderation moderation, SupportMessages messages) {
        this.moderation = moderation;
        this.messages = messages;
    }

    /** @param queueOpen null for members who do not moderate */
    record Nav(Integer queueOpen, int unreadMessages) {
    }

    @ModelAttribute("safetyNav")
    Nav nav(@AuthenticationPrincipal VillageUser user) {
        if (user == null) {
            return null;
        }
        boolean moderates = user.has(Role.MODERATOR) || user.has(Role.ADMIN);
        return new Nav(moderates ? moderation.openCount() : null, messages.unread(user.id()));
    }
}
