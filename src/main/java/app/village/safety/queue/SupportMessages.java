package app.village.safety.queue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.MemberDirectory;

/** A member's own private messages from moderators. */
@Service
public class SupportMessages {

    private final MessageRepository messages;
    private final MemberDirectory members;
    private final Clock clock;

    SupportMessages(MessageRepository messages, MemberDirectory members, Clock clock) {
        this.messages = messages;
        this.members = members;
        this.clock = clock;
    }

    /** A message with the moderator's handle. */
    public record Shown(SupportMessage message, String fromHandle) {

        /** The text split for safe rendering. */
        public List<app.village.platform.Paragraphs.Paragraph> paragraphs() {
            return app.village.platform.Paragraphs.of(message.body());
        }
    }

    /** The member's messages, newest first; reading them marks them read. */
    @Transactional
    public List<Shown> read(UUID member) {
        List<SupportMessage> list = messages.to(member);
        Map<UUID, String> handles = members.handles(list.stream().map(SupportMessage::fromId).distinct().toList());
        messages.markRead(member, clock.instant());
        return list.stream().map(m -> new Shown(m, handles.getOrDefault(m.fromId(), "A moderator"))).toList();
    }

    @Transactional(readOnly = true)
    public int unread(UUID member) {
        return messages.unread(member);
    }
}
