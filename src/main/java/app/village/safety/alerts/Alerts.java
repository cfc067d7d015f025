package app.village.safety.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.MemberDirectory;

/** The alerts of one item as its page shows them: who was told, how, and how it went. */
@Service
public class Alerts {

    private final AlertRepository repository;
    private final MemberDirectory members;

    Alerts(AlertRepository repository, MemberDirectory members) {
        this.repository = repository;
        this.members = members;
    }

    /** @param to a handle, "the webhook", or "a former moderator" */
    public record Sent(int step, String channel, String to, String status, int attempts, Instant createdAt, Instant sentAt,
                       String lastError) {

        public String stepText() {
            return switch (step) {
                case 0 -> "on call";
                case 1 -> "escalation: next on call";
                default -> "escalation: admins";
            };
        }
    }

    @Transactional(readOnly = true)
    public List<Sent> forItem(UUID itemId) {
        List<AlertRepository.DeliveryView> rows = repository.forItem(itemId);
        Map<UUID, String> handles = members.handles(rows.stream().filter(r -> !"webhook".equals(r.channel()))
                .map(r -> UUID.fromString(r.recipient())).collect(Collectors.toSet()));
        return rows.stream().map(r -> new Sent(r.step(), r.channel(),
                "webhook".equals(r.channel()) ? "the webhook" : handles.getOrDefault(UUID.fromString(r.recipient()), "a former moderator"),
                r.status(), r.attempts(), r.createdAt(), r.sentAt(), r.lastError())).toList();
    }
}
