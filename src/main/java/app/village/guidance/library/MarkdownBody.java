package app.village.guidance.library;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.commonmark.node.BulletList;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns a guide's Markdown into {@link Block}s. Only what guides need is accepted: headings (##, ###),
 * paragraphs, bullet and numbered lists, bold, italics and links. Anything else (raw HTML, images,
 * code, quotes, tables) is refused, so a guide cannot smuggle markup onto a page.
 */
final class MarkdownBody {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBody() {
    }

    record Parsed(List<Block> blocks, String text, List<String> links) {
    }

    static Parsed parse(String file, String markdown) {
        Node document = PARSER.parse(markdown);
        List<Block> blocks = new ArrayList<>();
        List<String> links = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                if (h.getLevel() < 2 || h.getLevel() > 3) {
                    throw new InvalidGuideException(file, "headings in a guide are ## or ### (the title is the page's only #)");
                }
                blocks.add(Block.heading(h.getLevel(), inline(file, h, links)));
            } else if (node instanceof Paragraph p) {
                blocks.add(Block.paragraph(inline(file, p, links)));
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                List<List<Block.Span>> items = new ArrayList<>();
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    items.add(listItem(file, (ListItem) item, links));
                }
                blocks.add(Block.list(node instanceof OrderedList, items));
            } else {
                throw new InvalidGuideException(file, "uses " + describe(node) + ", which guides do not allow");
            }
        }
        for (Block block : blocks) {
            block.spans().forEach(s -> text.append(s.text()));
            block.items().forEach(item -> item.forEach(s -> text.append(s.text())));
            text.append('\n');
        }
        if (blocks.isEmpty()) {
            throw new InvalidGuideException(file, "has no text after its front matter");
        }
        return new Parsed(blocks, text.toString(), links);
    }

    private static List<Block.Span> listItem(String file, ListItem item, List<String> links) {
        List<Block.Span> spans = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Paragraph p)) {
                throw new InvalidGuideException(file, "a list item holds " + describe(child) + "; keep list items to one paragraph");
            }
            if (!spans.isEmpty()) {
                spans.add(new Block.Span(" ", false, false, null));
            }
            spans.addAll(inline(file, p, links));
        }
        return spans;
    }

    private static List<Block.Span> inline(String file, Node parent, List<String> links) {
        List<Block.Span> spans = new ArrayList<>();
        walk(file, parent, false, false, null, spans::add, links);
        return merge(spans);
    }

    private static void walk(String file, Node parent, boolean strong, boolean emphasis, String href,
                             Consumer<Block.Span> out, List<String> links) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> out.accept(new Block.Span(t.getLiteral(), strong, emphasis, href));
                case SoftLineBreak s -> out.accept(new Block.Span(" ", strong, emphasis, href));
                case HardLineBreak s -> out.accept(new Block.Span(" ", strong, emphasis, href));
                case StrongEmphasis s -> walk(file, s, true, emphasis, href, out, links);
                case Emphasis e -> walk(file, e, strong, true, href, out, links);
                case Link l -> {
                    if (href != null) {
                        throw new InvalidGuideException(file, "has a link inside a link");
                    }
                    String destination = l.getDestination();
                    GuideLinks.check(file, destination);
                    links.add(destination);
                    walk(file, l, strong, emphasis, destination, out, links);
                }
                default -> throw new InvalidGuideException(file, "uses " + describe(node) + ", which guides do not allow");
            }
        }
    }

    /** Adjacent runs with the same emphasis and link become one, so a page has few elements. */
    private static List<Block.Span> merge(List<Block.Span> spans) {
        List<Block.Span> merged = new ArrayList<>();
        for (Block.Span s : spans) {
            if (!merged.isEmpty()) {
                Block.Span last = merged.get(merged.size() - 1);
                if (last.strong() == s.strong() && last.emphasis() == s.emphasis() && java.util.Objects.equals(last.href(), s.href())) {
                    merged.set(merged.size() - 1, new Block.Span(last.text() + s.text(), s.strong(), s.emphasis(), s.href()));
                    continue;
                }
            }
            merged.add(s);
        }
        return merged;
    }

    private static String describe(Node node) {
        String name = node.getClass().getSimpleName();
        return switch (name) {
            case "HtmlBlock", "HtmlInline" -> "raw HTML";
            case "Image" -> "an image";
            case "Code", "FencedCodeBlock", "IndentedCodeBlock" -> "code";
            case "BlockQuote" -> "a quote block";
            case "ThematicBreak" -> "a horizontal rule";
            default -> name;
        };
    }
}
