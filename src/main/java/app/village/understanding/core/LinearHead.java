package app.village.understanding.core;

import java.util.List;
import java.util.Map;

/**
 * One learned linear reader over a shared vocabulary of features: a score per label, turned into
 * a probability by the logistic function (one label: yes or no; several: one against the rest,
 * normalised). Immutable; thread-safe.
 *
 * @param weights weights[label][feature index] over the model's vocabulary
 */
public record LinearHead(String name, List<String> labels, float[] biases, float[][] weights) {

    public LinearHead {
        if (labels.isEmpty() || biases.length != labels.size() || weights.length != labels.size()) {
            throw new IllegalArgumentException("head " + name + ": labels, biases and weights disagree");
        }
    }

    /** Raw scores (before the logistic function), one per label. */
    public double[] scores(Map<String, Float> features, Map<String, Integer> vocabulary) {
        double[] s = new double[labels.size()];
        for (int l = 0; l < s.length; l++) {
            s[l] = biases[l];
        }
        for (Map.Entry<String, Float> f : features.entrySet()) {
            Integer i = vocabulary.get(f.getKey());
            if (i == null) {
                continue;
            }
            for (int l = 0; l < s.length; l++) {
                s[l] += weights[l][i] * f.getValue();
            }
        }
        return s;
    }

    /** Probability of the first label (for a yes-or-no head: yes). */
    public double probability(Map<String, Float> features, Map<String, Integer> vocabulary) {
        return sigmoid(scores(features, vocabulary)[0]);
    }

    /** Probabilities of every label, summing to one. */
    public double[] distribution(Map<String, Float> features, Map<String, Integer> vocabulary) {
        double[] s = scores(features, vocabulary);
        double total = 0;
        for (int l = 0; l < s.length; l++) {
            s[l] = sigmoid(s[l]);
            total += s[l];
        }
        for (int l = 0; l < s.length; l++) {
            s[l] = total == 0 ? 1.0 / s.length : s[l] / total;
        }
        return s;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
