package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import java.util.Random;

import app.village.support.RandomText;

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

    @Test
    void segmentsReassembleTheLineAndLinksAreHttp() {
        Random random = new Random(42);
        int links = 0;
        for (int i = 0; i < 5_000; i++) {
            String oneLine = RandomText.next(random, 40).replace('\n', ' ').replace('\r', ' ');
            List<Paragraphs.Segment> segments = Paragraphs.segments(oneLine);
            StringBuilder joined = new StringBuilder();
            segments.forEach(s -> joined.append(s.text()));
            assertThat(joined.toString()).as(oneLine).isEqualTo(oneLine);
            for (Paragraphs.Segment s : segments) {
                if (s.link()) {
                    links++;
                    assertThat(s.href()).matches("(?i)^https?://[^\\s<>\"]+");
                }
            }
        }
        assertThat(links).as("the generator must also produce links").isGreaterThan(100);
    }
}
