package app.village.safety.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksTheEvidenceAndKeepsEveryOtherCharacter() {
        String text = "Hard night. I thought of ending it. Then tea.";
        List<Highlight.Piece> pieces = Highlight.pieces(text, List.of(new Highlight.Span(12, 35, "I thought of ending it.", "self_harm")));
        assertThat(pieces).extracting(Highlight.Piece::text).containsExactly("Hard night. ", "I thought of ending it.", " Then tea.");
        assertThat(pieces.get(1).reason()).isEqualTo("self_harm");
        assertThat(String.join("", pieces.stream().map(Highlight.Piece::text).toList())).isEqualTo(text);
    }

    @Test
    void findsMovedWordsAfterAnEditAndSkipsGoneOrOverlappingOnes() {
        String text = "Edited first. I thought of ending it.";
        List<Highlight.Piece> pieces = Highlight.pieces(text, List.of(
                new Highlight.Span(0, 23, "I thought of ending it.", "self_harm"),
                new Highlight.Span(3, 10, "thought", "other"),
                new Highlight.Span(0, 5, "gone words", "x"),
                new Highlight.Span(-4, 900, "", "y")));
        assertThat(pieces).filteredOn(Highlight.Piece::marked).extracting(Highlight.Piece::text).containsExactly("I thought of ending it.");
        assertThat(String.join("", pieces.stream().map(Highlight.Piece::text).toList())).isEqualTo(text);
    }

    @Test
    void markupInTheTextStaysTextForTheTemplateToEscape() {
        String text = "<script>x</script> I want to die.";
        List<Highlight.Piece> pieces = Highlight.pieces(text, List.of(new Highlight.Span(19, 33, "I want to die.", "self_harm")));
        assertThat(pieces.getFirst().text()).isEqualTo("<script>x</script> ");
    }
}
