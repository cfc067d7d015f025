package app.village.guidance.library;

import java.util.List;

/**
 * A block of a guide's body as the page shows it: the Markdown is parsed into these, so templates
 * write every piece with {@code th:text} and {@code th:href} and no HTML from a file ever reaches a page.
 *
 * @param kind {@code heading}, {@code paragraph}, {@code bullets} or {@code numbers}
 * @param level the heading level (2 or 3), 0 otherwise
 * @param spans the text of a heading or paragraph
 * @param items the items of a list, each a run of spans
 */
public record Block(String kind, int level, List<Span> spans, List<List<Span>> items) {

    public Block {
        spans = List.copyOf(spans);
        items = items.stream().map(List::copyOf).toList();
    }

    static Block heading(int level, List<Span> spans) {
        return new Block("heading", level, spans, List.of());
    }

    static Block paragraph(List<Span> spans) {
        return new Block("paragraph", 0, spans, List.of());
    }

    static Block list(boolean ordered, List<List<Span>> items) {
        return new Block(ordered ? "numbers" : "bullets", 0, List.of(), items);
    }

    /**
     * A run of text with its emphasis; {@code href} is set for a link (an https address, a path inside Village or a telephone number).
     */
    public record Span(String text, boolean strong, boolean emphasis, String href) {

        public boolean link() {
            return href != null;
        }

        public boolean external() {
            return href != null && href.startsWith("https://");
        }

        public boolean phone() {
            return href != null && href.startsWith("tel:");
        }
    }
}
