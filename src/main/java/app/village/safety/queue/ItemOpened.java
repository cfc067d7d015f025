package app.village.safety.queue;

import java.time.Instant;
import java.util.UUID;

import app.village.understanding.RiskLevel;

/**
 * An item entered the queue at a level (or an open item's level rose). Published in the transaction that
 * queued it, so the event publication registry re-delivers it after a crash: the alerts hang off it.
 */
public record ItemOpened(UUID itemId, RiskLevel level, Instant openedAt) {
}
