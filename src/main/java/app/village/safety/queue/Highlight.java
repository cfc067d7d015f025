package app.village.safety.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A text cut into pieces so the sentences that show a reason can be marked: escaped piece by piece
 * by the template, never assembled as HTML.
 */
public final class Highlight {

    /** @param reason the reason code this piece shows, null for plain text */
    public record Piece(String text, String reason) {
        public boolean marked() {
            return reason != null;
        }
    }

    /** A span of the text to mark. */
    public record Span(int start, int end, String expected, String reason) {
    }

    private Highlight() {
    }

    /**
     * Cuts {@code text} at the spans whose offsets still point at the expected words (the text may have
     * been edited since it was read: then the words are looked for, and left unmarked if gone).
     */
    public static List<Piece> pieces(String text, List<Span> spans) {
        List<Span> placed = new ArrayList<>();
        for (Span span : spans) {
            Span at = place(text, span);
            if (at != null && placed.stream().noneMatch(p -> p.start() < at.end() && at.start() < p.end())) {
                placed.add(at);
            }
        }
        placed.sort(Comparator.comparingInt(Span::start));
        List<Piece> pieces = new ArrayList<>();
        int cursor = 0;
        for (Span span : placed) {
            if (span.start() > cursor) {
                pieces.add(new Piece(text.substring(cursor, span.start()), null));
            }
            pieces.add(new Piece(text.substring(span.start(), span.end()), span.reason()));
            cursor = span.end();
        }
        if (cursor < text.length()) {
            pieces.add(new Piece(text.substring(cursor), null));
        }
        return pieces;
    }

    private static Span place(String text, Span span) {
        if (span.expected() == null || span.expected().isEmpty()) {
            return null;
        }
        if (span.start() >= 0 && span.end() <= text.length() && span.start() < span.end()
                && text.substring(span.start(), span.end()).equals(span.expected())) {
            return span;
        }
        int found = text.indexOf(span.expected());
        return found < 0 ? null : new Span(found, found + span.expected().length(), span.expected(), span.reason());
    }
}
