package app.village.understanding.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.village.understanding.Theme;

/**
 * Hears themes by meaning: each sentence is compared with the team's curated example sentences
 * ({@code understanding/prototypes.txt}), and a theme is suggested when the closest example is
 * similar enough. It complements the lexicon with wordings it does not list.
 */
public final class SemanticMatcher {

    /** Similarity from which a sentence counts as saying the same thing as an example. */
    static final double THRESHOLD = 0.50;

    private final SentenceEmbedder embedder;
    private final List<Theme> themes = new ArrayList<>();
    private final float[][] examples;

    public SemanticMatcher(SentenceEmbedder embedder) {
        this.embedder = embedder;
        List<String> sentences = new ArrayList<>();
        try (InputStream in = SemanticMatcher.class.getClassLoader().getResourceAsStream("understanding/prototypes.txt")) {
            if (in == null) {
                throw new IllegalStateException("understanding/prototypes.txt is missing from the class path");
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+", 2);
                themes.add(Theme.ofCode(parts[0]));
                sentences.add(parts[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the example sentences", e);
        }
        this.examples = embedder.embed(sentences);
    }

    /** How many example sentences the model compares with. */
    public int examples() {
        return examples.length;
    }

    /** For each sentence, the themes whose closest example is at least {@link #THRESHOLD} similar, with that similarity. */
    List<Map<Theme, Double>> score(List<String> sentences) {
        float[][] vectors = embedder.embed(sentences);
        List<Map<Theme, Double>> out = new ArrayList<>(vectors.length);
        for (float[] v : vectors) {
            Map<Theme, Double> best = new EnumMap<>(Theme.class);
            for (int i = 0; i < examples.length; i++) {
                double sim = dot(v, examples[i]);
                if (sim >= THRESHOLD) {
                    best.merge(themes.get(i), sim, Math::max);
                }
            }
            out.add(best);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
