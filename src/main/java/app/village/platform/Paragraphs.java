package app.village.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns plain text into paragraphs of text and link segments for the templates to render with
 * escaping. No HTML is ever produced here: a template writes each segment with {@code th:text}
 * and each link with {@code th:href}, so nothing a person typed can become markup.
 */
public final class Paragraphs {

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    /** One run of text; {@code href} is set when the run is a link. */
    public record Segment(String text, String href) {
        public boolean link() {
            return href != null;
        }
    }

    /** The lines of a paragraph; each line is a list of segments. */
    public record Paragraph(List<List<Segment>> lines) {
    }

    private Paragraphs() {
    }

    public static List<Paragraph> of(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (text == null) {
            return paragraphs;
        }
        for (String block : text.split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            List<List<Segment>> lines = new ArrayList<>();
            for (String line : block.strip().split("\\n")) {
                lines.add(segments(line));
            }
            paragraphs.add(new Paragraph(lines));
        }
        return paragraphs;
    }

    static List<Segment> segments(String line) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (!url.isEmpty() && TRAILING_PUNCTUATION.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            String safe = safeHref(url);
            if (safe == null) {
                continue;
            }
            if (m.start() > at) {
                segments.add(new Segment(line.substring(at, m.start()), null));
            }
            segments.add(new Segment(url, safe));
            at = end;
        }
        if (at < line.length()) {
            segments.add(new Segment(line.substring(at), null));
        }
        return segments;
    }

    /** Only well-formed http(s) addresses with a host become links; anything else stays text. */
    static String safeHref(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toASCIIString();
            }
        } catch (Exception e) {
            // Not a usable address: it is shown as the text that was typed.
        }
        return null;
    }
}
