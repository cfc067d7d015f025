package app.village.understanding.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal starts a regex's every match must begin with, read from the pattern's source:
 * {@code \b(?:hurt(?:ing)?|harm(?:ing)?) myself} gives {@code hurt} and {@code harm}. Only patterns
 * of the lexicon's usual shapes are read (an optional {@code \b}, then a literal or one group of
 * alternatives, each starting with a literal); for any other shape there are no cues and the
 * pattern always runs. A cue is cut before any optional or repeated character, so it is always a
 * substring of every match.
 */
final class Cues {

    private static final String META = "\\[](){}.*+?|^$";

    private Cues() {
    }

    /** The cues of a pattern, or null when they cannot be told. */
    static String[] of(String regex) {
        String r = regex;
        if (r.startsWith("\\b")) {
            r = r.substring(2);
        }
        List<String> alternatives;
        if (r.startsWith("(?:")) {
            int close = closingParen(r, 0);
            if (close < 0 || isQuantifier(r, close + 1)) {
                return null;
            }
            if (hasTopLevelBar(r.substring(close + 1))) {
                return null;
            }
            alternatives = topLevelAlternatives(r.substring(3, close));
        } else {
            if (hasTopLevelBar(r)) {
                return null;
            }
            alternatives = List.of(r);
        }
        Set<String> cues = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            String cue = literalStart(alternative);
            if (cue.length() < 2) {
                return null;
            }
            cues.add(cue);
        }
        return cues.toArray(String[]::new);
    }

    private static String literalStart(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                // An escaped space or punctuation is literal; a class (\w, \s, \d, \b) ends the cue.
                if (i + 1 < s.length() && !Character.isLetterOrDigit(s.charAt(i + 1))) {
                    if (isQuantifier(s, i + 2)) {
                        break;
                    }
                    out.append(s.charAt(i + 1));
                    i++;
                    continue;
                }
                break;
            }
            if (META.indexOf(c) >= 0) {
                break;
            }
            if (isQuantifier(s, i + 1)) {
                break;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isQuantifier(String s, int at) {
        return at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '*' || s.charAt(at) == '{' || s.charAt(at) == '+');
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = closingBracket(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int closingBracket(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasTopLevelBar(String s) {
        return topLevelAlternatives(s).size() > 1;
    }

    private static List<String> topLevelAlternatives(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = closingBracket(s, i);
                i = close < 0 ? s.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
