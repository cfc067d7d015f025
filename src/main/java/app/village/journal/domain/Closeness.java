package app.village.journal.domain;

import java.util.UUID;

/**
 * How close the member felt to one child on a day, 0 to 10. {@code childId} is the child's id on
 * the member's profile, or {@link #THE_BABY} when the profile names no child.
 */
public record Closeness(UUID childId, int value) {

    /** Stands for "your baby" when the member has not added a child to their profile. */
    public static final UUID THE_BABY = new UUID(0, 0);
}
