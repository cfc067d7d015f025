package app.village.safety.alerts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.village.safety.queue.AuditLog;
import app.village.safety.queue.Items;
import app.village.safety.queue.QueueItem;

/**
 * One unit of alerting work at a time, each in its own transaction holding its row's lock: a due step
 * (who is to be told, on which channels) or a due message (send it, or schedule its retry). A crash
 * before the commit leaves the row as it was for the next node or the next start.
 */
@Component
class AlertWork {

    private static final Logger log = LoggerFactory.getLogger(AlertWork.class);

    private final AlertRepository repository;
    private final AlertChannels channels;
    private final OnCall onCall;
    private final Items items;
    private final AuditLog audit;
    private final AlertProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertWork(AlertRepository repository, AlertChannels channels, OnCall onCall, Items items, AuditLog audit, AlertProperties properties,
              TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.channels = channels;
        this.onCall = onCall;
        this.items = items;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** @return whether there was a due step (so the caller looks again at once) */
    boolean stepOnce() {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = clock.instant();
            AlertRepository.Step step = repository.lockDueStep(now).orElse(null);
            if (step == null) {
                return false;
            }
            QueueItem item = items.find(step.itemId()).orElse(null);
            String notNeeded = notNeeded(item);
            if (notNeeded != null) {
                repository.stepDone(step, "not needed: " + notNeeded, now);
                return true;
            }
            List<OnCall.Person> people = new ArrayList<>();
            String who = recipients(step, people);
            List<String> used = new ArrayList<>();
            for (AlertChannel channel : channels.enabled()) {
                used.add(channel.name());
                if (!channel.perPerson()) {
                    repository.planDelivery(item.id(), step.step(), channel.name(), channel.name(), item.level(), now);
                } else {
                    for (OnCall.Person p : people.stream().filter(person -> channel.reaches(person.id())).toList()) {
                        repository.planDelivery(item.id(), step.step(), channel.name(), p.id().toString(), item.level(), now);
                    }
                }
            }
            repository.stepDone(step, who, now);
            audit.record(null, step.step() == 0 ? "ALERT" : "ALERT_ESCALATED", item.id(), item.subjectKind(), item.subjectId(), null,
                    "step " + step.step(), who + ", " + people.size() + " people, by " + String.join(" and ", used), now);
            log.info("Alert step {} for item {}: {} people by {}", step.step(), item.id(), people.size(), used);
            return true;
        }));
    }

    /** @return whether there was a due message */
    boolean deliverOnce() {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = clock.instant();
            AlertRepository.Delivery d = repository.lockDueDelivery(now).orElse(null);
            if (d == null) {
                return false;
            }
            QueueItem item = items.find(d.itemId()).orElse(null);
            String notNeeded = notNeeded(item);
            AlertChannel channel = channels.named(d.channel());
            if (notNeeded == null && !channel.enabled()) {
                notNeeded = "channel turned off";
            }
            if (notNeeded != null) {
                repository.finish(d.id(), "CANCELLED", notNeeded, false);
                return true;
            }
            String to = channel.perPerson() ? " to member " + d.recipient() : "";
            Alert alert = new Alert(d.id(), item.id(), d.level(), d.step(), item.waited(now), link(item.id()));
            int attempt = d.attempts() + 1;
            try {
                channel.send(alert, channel.perPerson() ? UUID.fromString(d.recipient()) : null);
                Instant sent = clock.instant();
                repository.sent(d.id(), sent);
                channels.succeeded(channel.name(), sent);
                audit.record(null, "ALERT_SENT", item.id(), item.subjectKind(), item.subjectId(), null, "step " + d.step(),
                        channel.name() + to + ", attempt " + attempt, sent);
            } catch (AlertChannel.NoRecipient e) {
                repository.finish(d.id(), "CANCELLED", e.getMessage(), true);
                audit.record(null, "ALERT_FAILED", item.id(), item.subjectKind(), item.subjectId(), null, "step " + d.step(),
                        channel.name() + to + ": " + e.getMessage(), now);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String error = describe(e);
                Instant failed = clock.instant();
                channels.failed(channel.name(), error, failed);
                String detail;
                if (attempt >= properties.maxAttempts()) {
                    repository.finish(d.id(), "FAILED", error, true);
                    detail = channel.name() + to + ", attempt " + attempt + ": " + error + "; given up";
                } else {
                    Duration wait = backoff(attempt);
                    repository.retryAt(d.id(), error, failed.plus(wait));
                    detail = channel.name() + to + ", attempt " + attempt + ": " + error + "; next try in " + wait.toSeconds() + " s";
                }
                audit.record(null, "ALERT_FAILED", item.id(), item.subjectKind(), item.subjectId(), null, "step " + d.step(), detail, failed);
                log.warn("Alert {} for item {} failed on {}: {}", d.id(), item.id(), channel.name(), error);
            }
            return true;
        }));
    }

    /** First wait, doubled per further failure, never above the maximum. */
    Duration backoff(int attempt) {
        Duration wait = properties.retryFirst();
        for (int i = 1; i < attempt && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    URI link(UUID itemId) {
        String base = properties.publicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/moderation/items/" + itemId);
    }

    /** Why nobody needs telling any more, or null while someone does. */
    private String notNeeded(QueueItem item) {
        if (item == null || !item.open()) {
            return "resolved";
        }
        if (item.claimedBy() != null) {
            return "claimed";
        }
        return properties.pages(item.level()) ? null : "level now " + (item.level() == null ? "none" : item.level().code());
    }

    private String recipients(AlertRepository.Step step, List<OnCall.Person> people) {
        OnCall.Roster roster = onCall.roster(clock.instant());
        if (step.step() == 0 && !roster.now().isEmpty()) {
            people.addAll(roster.now());
            return "on call";
        }
        if (step.step() == 1 && roster.next() != null
                && !repository.recipientsBefore(step.itemId(), 1).contains(roster.next().id().toString())) {
            people.add(roster.next());
            return "next on call";
        }
        people.addAll(onCall.admins());
        return step.step() == 0 ? "nobody on call: the admins" : step.step() == 1 ? "nobody next on call: the admins" : "the admins";
    }

    /** The kind of failure, never the server's own words (they may quote an address). */
    private static String describe(Exception e) {
        return e instanceof AlertChannel.Refused ? e.getMessage() : e.getClass().getSimpleName();
    }
}
