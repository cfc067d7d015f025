package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Random;

import app.village.support.RandomText;

class UserTextTest {

    @Test
    void textOfOnlyInvisibleCharactersIsEmpty() {
        for (String invisible : new String[] {"\u200B", "\u202E", "\uFEFF", "\u200B\u202E\uFEFF \u200D", "\u3164\u00A0\u2800"}) {
            assertThatThrownBy(() -> UserText.required("title", "The title", invisible, 200, false))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("The title is empty");
            assertThat(UserText.optional("note", "The note", invisible, 200, true)).isNull();
        }
        // A format character inside real words is kept (joiners matter in some scripts and emoji).
        assertThat(UserText.required("title", "The title", "A\u200Db", 200, false)).isEqualTo("A\u200Db");
    }

    @Test
    void emptyAndBlankAreRefusedWithTheLabel() {
        assertThatThrownBy(() -> UserText.required("title", "The title", "  \n\t ", 10, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("The title is empty")
                .extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> UserText.required("title", "The title", null, 10, false))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tooLongSaysHowLongAndTheLimit() {
        assertThatThrownBy(() -> UserText.required("body", "Your story", "x".repeat(21), 20, true))
                .hasMessageContaining("21 characters").hasMessageContaining("most is 20");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(10);
        assertThat(UserText.required("t", "T", emoji, 10, false)).isEqualTo(emoji);
    }

    @Test
    void replacementCharacterFromBrokenUtf8IsRefused() {
        assertThatThrownBy(() -> UserText.required("body", "Your story", "caf\uFFFD", 100, true))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void controlCharactersAndNulAreRefused() {
        assertThatThrownBy(() -> UserText.required("body", "B", "a\u0000b", 100, true)).hasMessageContaining("control characters");
        assertThatThrownBy(() -> UserText.required("body", "B", "a\u001Bb", 100, true)).hasMessageContaining("control characters");
    }

    @Test
    void lineEndingsAreNormalisedAndParagraphsKept() {
        assertThat(UserText.required("b", "B", "one  \r\ntwo\r\n\r\n\r\n\r\nthree\rfour", 100, true))
                .isEqualTo("one\ntwo\n\nthree\nfour");
    }

    @Test
    void singleLineFieldsFoldLineBreaks() {
        assertThat(UserText.required("t", "T", "a\nb\t c", 100, false)).isEqualTo("a b c");
    }

    @Test
    void htmlAndSqlAreKeptAsTypedText() {
        String text = "<script>alert(1)</script> '; DROP TABLE posts; --";
        assertThat(UserText.required("b", "B", text, 1000, true)).isEqualTo(text);
    }

    @Test
    void optionalBlankIsNull() {
        assertThat(UserText.optional("d", "D", "   ", 10, true)).isNull();
    }

    @Test
    void whateverIsAcceptedHasNoControlCharactersAndFitsTheLimit() {
        Random random = new Random(20261123);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            String input = RandomText.next(random, 60);
            try {
                String out = UserText.required("b", "B", input, 200, true);
                accepted++;
                assertThat(out).as(input).isNotBlank().isEqualTo(out.strip());
                assertThat(out.codePointCount(0, out.length())).isLessThanOrEqualTo(200);
                assertThat(out.codePoints().filter(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\t')).isEmpty();
                assertThat(out).doesNotContain("\r").doesNotContain("\n\n\n");
            } catch (InvalidInputException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(accepted).as("the generator must also produce acceptable texts").isGreaterThan(100);
    }
}
