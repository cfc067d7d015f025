package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ParagraphsTest {

    @Test
    void blankLinesSeparateParagraphsAndSingleBreaksSeparateLines() {
        List<Paragraphs.Paragraph> ps = Paragraphs.of("one\ntwo\n\nthree");
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).lines()).hasSize(2);
        assertThat(ps.get(1).lines().get(0)).containsExactly(new Paragraphs.Segment("three", null));
    }

    @Test
    void httpLinksBecomeLinksWithoutTrailingPunctuation() {
        List<Paragraphs.Segment> s = Paragraphs.segments("See https://example.org/a?b=1. Thanks");
        assertThat(s).containsExactly(
                new Paragraphs.Segment("See ", null),
                new Paragraphs.Segment("https://example.org/a?b=1", "https://example.org/a?b=1"),
                new Paragraphs.Segment(". Thanks", null));
    }

    @Test
    void javascriptAndDataUrlsStayText() {
        assertThat(Paragraphs.segments("javascript:alert(1) data:text/html,<b>x</b>"))
                .allSatisfy(seg -> assertThat(seg.link()).isFalse());
    }

    @Test
    void htmlIsNeverInterpretedHere() {
        String text = "<script>alert(1)</script>";
        assertThat(Paragraphs.of(text).get(0).lines().get(0)).containsExactly(new Paragraphs.Segment(text, null));
    }

    @Property
    void segmentsReassembleTheLineAndLinksAreHttp(@ForAll String line) {
        String oneLine = line.replace('\n', ' ');
        List<Paragraphs.Segment> segments = Paragraphs.segments(oneLine);
        StringBuilder joined = new StringBuilder();
        segments.forEach(s -> joined.append(s.text()));
        assertThat(joined.toString()).isEqualTo(oneLine);
        segments.stream().filter(Paragraphs.Segment::link)
                .forEach(s -> assertThat(s.href()).matches("(?i)^https?://.+"));
    }
}
