package app.village.safety.alerts;

import java.util.UUID;

/** A way out of the page to a person on call. */
interface AlertChannel {

    /** As stored in safety_alert_deliveries.channel. */
    String name();

    boolean enabled();

    /** Whether the channel sends to each person ({@code email}) or once per step to a shared place ({@code webhook}). */
    boolean perPerson();

    /**
     * Whether a per-person channel can reach the member at all (Web Push only reaches someone who asked for it in a
     * browser), so that nobody is planned a message that could only fail.
     */
    default boolean reaches(UUID member) {
        return true;
    }

    /** @param recipient a member id for per-person channels, null otherwise */
    void send(Alert alert, UUID recipient) throws Exception;

    /** The receiving server answered, but not with 2xx; the status is all that is kept of its answer. */
    final class Refused extends Exception {
        Refused(int status) {
            super("HTTP " + status);
        }
    }

    /** The recipient is gone (no longer staff, erased): nothing to retry. */
    final class NoRecipient extends Exception {
        NoRecipient(String message) {
            super(message);
        }
    }
}
