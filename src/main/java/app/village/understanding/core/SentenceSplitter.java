package app.village.understanding.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences with offsets: at . ! ? (and runs of them) followed by a space, at
 * line breaks, and inside very long unpunctuated runs at conjunctions, because parents writing at
 * 3 a.m. on a phone often use no punctuation at all.
 */
final class SentenceSplitter {

    static final int LONG_RUN = 320;

    private SentenceSplitter() {
    }

    static List<Sentence> split(String field, String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        boolean quotedLine = false;
        int lineStart = 0;
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            boolean boundary = false;
            int cut = i;
            if (!end) {
                char c = text.charAt(i);
                if (c == '\n') {
                    boundary = true;
                } else if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
                        || text.charAt(i + 1) == '"' || text.charAt(i + 1) == ')')) {
                    if (!isAbbreviation(text, i)) {
                        boundary = true;
                        cut = i + 1;
                        while (cut < n && (text.charAt(cut) == '.' || text.charAt(cut) == '!' || text.charAt(cut) == '?'
                                || text.charAt(cut) == '"' || text.charAt(cut) == ')')) {
                            cut++;
                        }
                        i = cut - 1;
                    }
                } else if (i - start > LONG_RUN && c == ' ' && startsConjunction(text, i + 1)) {
                    boundary = true;
                }
            }
            if (end || boundary) {
                add(out, field, text, start, Math.min(cut, n), quotedLine);
                start = Math.min(cut, n);
                if (!end && text.charAt(i) == '\n') {
                    start = i + 1;
                    lineStart = start;
                    quotedLine = isQuote(text, lineStart);
                }
            }
            if (i == 0) {
                quotedLine = isQuote(text, 0);
            }
        }
        return out;
    }

    private static void add(List<Sentence> out, String field, String text, int from, int to, boolean quoted) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            String original = text.substring(from, to);
            out.add(new Sentence(field, original, from, Normaliser.normalise(original), quoted));
        }
    }

    private static boolean isQuote(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '>' || text.startsWith("&gt;", i));
    }

    private static boolean isAbbreviation(String text, int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
        return word.equals("dr") || word.equals("mr") || word.equals("mrs") || word.equals("ms") || word.equals("e.g")
                || word.equals("i.e") || word.equals("vs") || word.equals("approx") || word.equals("st");
    }

    private static boolean startsConjunction(String text, int at) {
        String rest = text.substring(at, Math.min(text.length(), at + 6)).toLowerCase(Locale.ROOT);
        return rest.startsWith("and ") || rest.startsWith("but ") || rest.startsWith("so ") || rest.startsWith("then ");
    }
}
