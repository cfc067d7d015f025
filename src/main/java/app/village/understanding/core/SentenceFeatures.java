package app.village.understanding.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.village.understanding.Theme;

/**
 * The named features a learned reader sees for one sentence: its words and word pairs, the words
 * of the sentence before it (signs often span two short sentences), and what the lexicon heard in
 * both. Words are compared without apostrophes, so "don't" and "dont" are the same word, as they
 * are to a reader. Pure and deterministic: training and reading call the same code.
 */
public final class SentenceFeatures {

    private SentenceFeatures() {
    }

    /**
     * @param normalised the text's sentences, lower-cased ({@link Normaliser})
     * @param index the sentence to describe
     * @param heardHere themes the lexicon reported with this sentence as evidence
     * @param heardBefore themes the lexicon reported with the sentence before
     * @param title whether the sentence is the post's title
     */
    public static Map<String, Float> of(List<String> normalised, int index, Set<Theme> heardHere, Set<Theme> heardBefore,
                                        boolean title) {
        Map<String, Float> features = new LinkedHashMap<>();
        List<String> words = words(normalised.get(index));
        List<String> own = new ArrayList<>(words.size() * 2 + 1);
        String previous = "^";
        for (String word : words) {
            own.add("w:" + word);
            own.add("b:" + previous + ' ' + word);
            previous = word;
        }
        put(features, own, 1.0f);
        if (index > 0) {
            List<String> before = new ArrayList<>();
            for (String word : words(normalised.get(index - 1))) {
                before.add("p:" + word);
            }
            put(features, before, 0.5f);
        }
        heardHere.forEach(t -> features.put("l:" + t.code(), 1.0f));
        heardBefore.forEach(t -> features.put("lp:" + t.code(), 0.5f));
        if (title) {
            features.put("title", 1.0f);
        }
        features.put(words.size() < 6 ? "len:short" : words.size() < 25 ? "len:mid" : "len:long", 0.5f);
        return features;
    }

    /** Every word of a whole text once: the features of readers that judge a text as a whole (the writer's role). */
    public static Map<String, Float> ofText(String normalisedText, Set<String> extra) {
        List<String> words = words(normalisedText);
        List<String> names = new ArrayList<>();
        String previous = "^";
        for (String word : words) {
            names.add("w:" + word);
            names.add("b:" + previous + ' ' + word);
            previous = word;
        }
        Map<String, Float> features = new LinkedHashMap<>();
        List<String> distinct = names.stream().distinct().toList();
        put(features, distinct, 1.0f);
        extra.forEach(e -> features.put(e, 1.0f));
        return features;
    }

    /** Each name with the same value: presence, not frequency, is what a sign is. */
    private static void put(Map<String, Float> features, List<String> names, float weight) {
        if (names.isEmpty()) {
            return;
        }
        float value = weight;
        for (String name : names) {
            features.merge(name, value, Math::max);
        }
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.isDigit(c) ? '0' : c);
            } else if (c == '\'' && word.length() > 0) {
                continue;
            } else {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (c == '?' || c == '!') {
                    out.add(String.valueOf(c));
                }
            }
        }
        return out;
    }
}
