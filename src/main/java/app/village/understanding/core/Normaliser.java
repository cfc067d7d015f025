package app.village.understanding.core;

/**
 * A lower-case, length-preserving form of a sentence for pattern matching: curly quotes become
 * straight ones and letters lose case. Because the length never changes, a match position is
 * also a position in the original. Spelling variants ("dont", "im", "cant") are handled in the
 * patterns, not here, to keep offsets exact.
 */
final class Normaliser {

    private Normaliser() {
    }

    static String normalise(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out[i] = switch (c) {
                case '\u2018', '\u2019', '\u02BC', '`' -> '\'';
                case '\u201C', '\u201D' -> '"';
                case '\u2013', '\u2014' -> '-';
                default -> Character.toLowerCase(c);
            };
        }
        return new String(out);
    }
}
