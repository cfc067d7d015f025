package app.village.platform;

import java.text.Normalizer;

/**
 * The rules for any text a person types into Village: what is refused (with a message they can
 * act on) and how what is kept is normalised, so that every module stores text the same way.
 */
public final class UserText {

    private UserText() {
    }

    /**
     * Checks and normalises a required text.
     *
     * @param field   the field name reported with an error
     * @param label   how the field is called on the page ("The title")
     * @param value   what was typed; may be {@code null}
     * @param maxChars the most characters (code points) allowed after normalisation
     * @param multiLine whether line breaks are kept (a body) or folded into spaces (a title)
     */
    public static String required(String field, String label, String value, int maxChars, boolean multiLine) {
        String text = normalise(field, value, multiLine);
        if (!visible(text)) {
            throw new InvalidInputException(field, label + " is empty. Please write something.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            throw new InvalidInputException(field, label + " is too long: " + length
                    + " characters, and the most is " + maxChars + ". Please shorten it.");
        }
        return text;
    }

    /** Like {@link #required} but an absent or blank value gives {@code null}. */
    public static String optional(String field, String label, String value, int maxChars, boolean multiLine) {
        if (value == null || !visible(value)) {
            return null;
        }
        return required(field, label, value, maxChars, multiLine);
    }

    /**
     * Whether anything in the text can be seen: a title of zero-width spaces, direction marks or a
     * byte-order mark (format characters) or of blank fillers looks empty and is treated as empty.
     */
    static boolean visible(String text) {
        return text.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT && !INVISIBLE_LETTERS.contains(cp));
    }

    /** Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern, the Mongolian vowel separator). */
    private static final java.util.Set<Integer> INVISIBLE_LETTERS = java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E);

    private static String normalise(String field, String value, boolean multiLine) {
        if (value == null) {
            return "";
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFFFD) {
                // What a decoder leaves where the bytes were not valid UTF-8: storing it would lose words silently.
                throw new InvalidInputException(field, "Some characters could not be read (the text was not valid UTF-8). "
                        + "Please copy the text again or save it as UTF-8.");
            }
            if (cp == '\n' || cp == '\t') {
                out.appendCodePoint(multiLine ? cp : ' ');
            } else if (Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw new InvalidInputException(field, "The text contains control characters that cannot be shown. "
                        + "Please remove them and try again.");
            } else {
                out.appendCodePoint(cp);
            }
        }
        String cleaned = multiLine ? trimLines(out.toString()) : out.toString().replaceAll(" {2,}", " ");
        return cleaned.strip();
    }

    private static String trimLines(String text) {
        // Keep paragraphs (blank lines) but at most one blank line in a row; drop trailing spaces.
        return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }
}
