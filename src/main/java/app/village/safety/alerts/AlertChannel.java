package app.village.safety.alerts;

import java.util.UUID;

/** A way out of the page to a person on call. */
interface AlertChannel {

    /** As stored in safety_alert_deliveries.channel. */
    String name();

    boolean enabled();

    /** Whether the channel sends to each person ({@code email}) or once per step to a shared place ({@code webhook}). */
    boolean perPerson();

    /** @param recipient a member id for per-person channels, null otherwise */
    void send(Alert alert, UUID recipient) throws Exception;

    /** The recipient is gone (no longer staff, erased): nothing to retry. */
    final class NoRecipient extends Exception {
        NoRecipient(String message) {
            super(message);
        }
    }
}
