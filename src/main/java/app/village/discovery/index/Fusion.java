package app.village.discovery.index;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the word ranking (BM25) and the meaning ranking (vector similarity) become one list.
 * Measured with {@code ./village bench discovery} (ADR 0011): the weighted sum is the default; it
 * did as well as or better than reciprocal rank fusion on every measure there.
 */
public enum Fusion {
    /** Words only (BM25). */
    TEXT,
    /** Meaning only (cosine similarity). */
    VECTOR,
    /** Reciprocal rank fusion: each list gives 1 / (60 + rank); a story high in both wins. */
    RRF,
    /** Half the BM25 score over the best one, half the cosine similarity scaled from the candidates' lowest (0) to highest (1). */
    WEIGHTED;

    static final int RRF_K = 60;

    /**
     * @param text   story ids by BM25 score, best first, with their scores
     * @param vector story ids by cosine similarity, best first, with their similarities
     * @return fused scores, unordered
     */
    Map<Integer, Double> fuse(LinkedHashMap<Integer, Float> text, LinkedHashMap<Integer, Float> vector) {
        Map<Integer, Double> out = new HashMap<>();
        switch (this) {
            case TEXT -> text.forEach((doc, s) -> out.put(doc, (double) s));
            case VECTOR -> vector.forEach((doc, s) -> out.put(doc, (double) s));
            case RRF -> {
                addRanks(out, List.copyOf(text.keySet()));
                addRanks(out, List.copyOf(vector.keySet()));
            }
            case WEIGHTED -> {
                double best = text.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
                double top = vector.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
                double bottom = vector.values().stream().mapToDouble(Float::doubleValue).min().orElse(0);
                double range = top - bottom < 1e-6 ? 1 : top - bottom;
                text.forEach((doc, s) -> out.merge(doc, 0.5 * s / best, Double::sum));
                vector.forEach((doc, s) -> out.merge(doc, 0.5 * (s - bottom) / range, Double::sum));
            }
        }
        return out;
    }

    private static void addRanks(Map<Integer, Double> out, List<Integer> ranked) {
        for (int rank = 0; rank < ranked.size(); rank++) {
            out.merge(ranked.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
    }
}
