package app.village.support;

import java.util.Random;

/**
 * Seeded random strings for property-style tests: the same seed gives the same texts, so a
 * failure is reproducible. Mixes the characters that break text handling: controls, line
 * breaks, surrogate pairs, combining marks, markup, quotes and URLs.
 */
public final class RandomText {

    private static final String[] PIECES = {
            "a", "Z", " ", "  ", "\n", "\r\n", "\n\n\n", "\t", "\u0000", "\u001B", "\u007F", "\uFFFD", "é", "e\u0301",
            "😀", "\uD83D", "<script>", "</p>", "&amp;", "'", "\"", "--", ";", "http://", "https://example.org/a?b=1.",
            "javascript:alert(1)", "www.", ".", ",", ")", "日本", "ע", "\u200B"
    };

    private RandomText() {
    }

    public static String next(Random random, int maxPieces) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                out.appendCodePoint(random.nextInt(0x3000));
            } else {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }
}
