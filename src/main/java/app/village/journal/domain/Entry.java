package app.village.journal.domain;

import java.time.Instant;
import java.util.UUID;

/** A free journal entry. Private to its writer, always. */
public record Entry(UUID id, String body, int version, Instant createdAt, Instant editedAt) {

    /** The first words, on one line, for lists. */
    public String excerpt() {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.length() <= 240) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', 240);
        return flat.substring(0, cut > 160 ? cut : 240) + "…";
    }
}
