package app.village.understanding.train;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import app.village.understanding.Evidence;
import app.village.understanding.Theme;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.LinearHead;
import app.village.understanding.core.ReaderModel;

/**
 * Trains the learned readers with LIBLINEAR's L2-regularised logistic regression (through Tribuo)
 * and turns each into a {@link LinearHead} over one shared vocabulary, checking on the training
 * examples that the exported weights give Tribuo's own probabilities.
 *
 * <p>Theme readers learn from sentences: a sentence inside a theme's evidence is a positive; every
 * sentence of a text without the theme is a negative; the other sentences of a text with the theme
 * are left out, because annotators cite a few sentences, not all that show it.
 */
final class ReaderTrainer {

    /**
     * @param cost LIBLINEAR's C (inverse regularisation)
     * @param minTexts a word feature is kept only if it appears in at least this many training texts
     */
    record Options(double cost, int minTexts, long seed, int threads, float positiveWeight) {
        static Options standard(long seed) {
            return new Options(COST, 2, seed, Math.max(1, Runtime.getRuntime().availableProcessors()), POSITIVE_WEIGHT);
        }

        Options with(double cost, float positiveWeight) {
            return new Options(cost, minTexts, seed, threads, positiveWeight);
        }
    }

    /** Chosen by cross-validation ({@code ReaderTuningBench}). */
    static final double COST = 1.0;
    static final float POSITIVE_WEIGHT = 1.0f;

    /** A text prepared once (sentences, features, the lexicon's reading) and its annotation. */
    record Item(AnnotatedText text, LearnedAnalyzer.Prepared prepared) {
    }

    private static final String YES = "yes";
    private static final String NO = "no";

    private ReaderTrainer() {
    }

    static ReaderModel train(List<Item> items, Map<Theme, Double> thresholds, Map<Theme, Double> floors, Options options,
                             Map<String, String> about) {
        Set<String> keep = vocabularyOf(items, options.minTexts());
        Map<String, Supplier<Map<String, Map<String, Double>>>> jobs = new LinkedHashMap<>();
        for (Theme theme : Theme.values()) {
            jobs.put(ReaderModel.themeHead(theme), () -> fit(themeExamples(items, theme), keep, options));
            jobs.put(ReaderModel.postHead(theme), () -> fit(postExamples(items, theme), keep, options));
        }
        jobs.put(ReaderModel.PERSON_HEAD, () -> fit(personExamples(items), keep, options));
        jobs.put(ReaderModel.ROLE_HEAD, () -> fit(roleExamples(items), keep, options));
        Map<String, Map<String, Map<String, Double>>> weights = new LinkedHashMap<>();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            Map<String, Future<Map<String, Map<String, Double>>>> running = new LinkedHashMap<>();
            jobs.forEach((name, job) -> running.put(name, pool.submit(job::get)));
            for (Map.Entry<String, Future<Map<String, Map<String, Double>>>> e : running.entrySet()) {
                weights.put(e.getKey(), e.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Map<String, Map<String, Double>> head : weights.values()) {
            for (Map<String, Double> label : head.values()) {
                for (String feature : label.keySet()) {
                    if (!feature.equals(Model.BIAS_FEATURE)) {
                        vocabulary.putIfAbsent(feature, vocabulary.size());
                    }
                }
            }
        }
        Map<String, LinearHead> heads = new LinkedHashMap<>();
        weights.forEach((name, byLabel) -> {
            // A yes-or-no reader keeps the yes side only; a reader of several labels keeps them all.
            List<String> labels = byLabel.containsKey(YES) ? List.of(YES) : List.copyOf(byLabel.keySet());
            float[] biases = new float[labels.size()];
            float[][] w = new float[labels.size()][vocabulary.size()];
            for (int l = 0; l < labels.size(); l++) {
                Map<String, Double> label = byLabel.get(labels.get(l));
                biases[l] = label.getOrDefault(Model.BIAS_FEATURE, 0.0).floatValue();
                for (Map.Entry<String, Double> f : label.entrySet()) {
                    Integer i = vocabulary.get(f.getKey());
                    if (i != null) {
                        w[l][i] = f.getValue().floatValue();
                    }
                }
            }
            heads.put(name, new LinearHead(name, labels, biases, w));
        });
        Map<Theme, Double> themeThresholds = new EnumMap<>(Theme.class);
        themeThresholds.putAll(thresholds);
        Map<Theme, Double> themeFloors = new EnumMap<>(Theme.class);
        themeFloors.putAll(floors);
        return new ReaderModel(Map.copyOf(vocabulary), Map.copyOf(heads), themeThresholds, themeFloors, new LinkedHashMap<>(about));
    }

    /** Word features seen in at least {@code minTexts} texts, and every feature that is not a word. */
    static Set<String> vocabularyOf(List<Item> items, int minTexts) {
        Map<String, Integer> texts = new HashMap<>();
        for (Item item : items) {
            Set<String> seen = new LinkedHashSet<>();
            item.prepared().features().forEach(f -> seen.addAll(f.keySet()));
            seen.addAll(item.prepared().textFeatures().keySet());
            seen.forEach(s -> texts.merge(s, 1, Integer::sum));
        }
        Set<String> keep = new LinkedHashSet<>();
        texts.forEach((feature, count) -> {
            boolean word = feature.startsWith("w:") || feature.startsWith("b:") || feature.startsWith("p:");
            if (!word || count >= minTexts) {
                keep.add(feature);
            }
        });
        return keep;
    }

    record Labelled(String label, Map<String, Float> features) {
    }

    static List<Labelled> themeExamples(List<Item> items, Theme theme) {
        List<Labelled> out = new ArrayList<>();
        for (Item item : items) {
            boolean has = item.text().has(theme);
            List<Evidence> sentences = item.prepared().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                Evidence s = sentences.get(i);
                if (!has) {
                    out.add(new Labelled(NO, item.prepared().features().get(i)));
                } else if (inEvidence(item.text(), theme, s)) {
                    out.add(new Labelled(YES, item.prepared().features().get(i)));
                }
            }
        }
        return out;
    }

    static List<Labelled> postExamples(List<Item> items, Theme theme) {
        return items.stream().map(i -> new Labelled(i.text().has(theme) ? YES : NO, i.prepared().textFeatures())).toList();
    }

    static boolean inEvidence(AnnotatedText text, Theme theme, Evidence sentence) {
        return text.themes().stream().filter(l -> l.theme() == theme).flatMap(l -> l.evidence().stream())
                .anyMatch(span -> span.overlaps(sentence.field(), sentence.start(), sentence.end()));
    }

    static List<Labelled> personExamples(List<Item> items) {
        List<Labelled> out = new ArrayList<>();
        for (Item item : items) {
            List<Evidence> sentences = item.prepared().sentences();
            for (AnnotatedText.Label label : item.text().themes()) {
                for (int i = 0; i < sentences.size(); i++) {
                    Evidence s = sentences.get(i);
                    if (label.evidence().stream().anyMatch(span -> span.overlaps(s.field(), s.start(), s.end()))) {
                        Map<String, Float> f = new LinkedHashMap<>(item.prepared().features().get(i));
                        f.put("theme:" + label.theme().code(), 1.0f);
                        out.add(new Labelled(label.person().code(), f));
                    }
                }
            }
        }
        return out;
    }

    static List<Labelled> roleExamples(List<Item> items) {
        return items.stream().map(i -> new Labelled(i.text().role().code(), i.prepared().textFeatures())).toList();
    }

    /** Fits one logistic regression and returns its weights by label and feature (bias included). */
    private static Map<String, Map<String, Double>> fit(List<Labelled> examples, Set<String> keep, Options options) {
        if (examples.stream().noneMatch(e -> e.label().equals(YES)) && examples.stream().anyMatch(e -> e.label().equals(NO))) {
            // A theme no training post shows (possible in a small fold): a reader that never says yes.
            return Map.of(YES, Map.of(Model.BIAS_FEATURE, -50.0));
        }
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> list = new ArrayList<>(examples.size());
        for (Labelled e : examples) {
            list.add(example(e, keep));
        }
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(list,
                factory, new SimpleDataSourceProvenance("village annotated corpus", factory)));
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), options.cost(), 1000, 0.01, options.seed());
        if (options.positiveWeight() != 1.0f && examples.stream().anyMatch(e -> e.label().equals(YES))) {
            // Few sentences show a theme: weighing them up keeps the reader from learning that "no" is always safe.
            trainer.setLabelWeights(Map.of(new Label(YES), options.positiveWeight(), new Label(NO), 1.0f));
        }
        LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(data);
        Map<String, Map<String, Double>> out = weightsOf(model);
        verify(model, list, out);
        return out;
    }

    /**
     * LIBLINEAR's weights by label and feature name. Its layout: for two classes one vector for its
     * first label (the other label's is the negation); for more, feature-major with one weight per
     * class; the bias term's weight comes last, times the bias value.
     */
    private static Map<String, Map<String, Double>> weightsOf(LibLinearClassificationModel model) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        double[] w = inner.getFeatureWeights();
        int features = inner.getNrFeature();
        int[] labelIds = inner.getLabels();
        int classes = labelIds.length;
        int perFeature = classes == 2 ? 1 : classes;
        String[] featureNames = new String[features];
        for (var feature : model.getFeatureIDMap()) {
            featureNames[model.getFeatureIDMap().getID(feature.getName())] = feature.getName();
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int k = 0; k < classes; k++) {
            String label = model.getOutputIDInfo().getOutput(labelIds[k]).getLabel();
            double sign = classes == 2 && k == 1 ? -1 : 1;
            int column = classes == 2 ? 0 : k;
            Map<String, Double> weights = new HashMap<>();
            for (int i = 0; i < features; i++) {
                double v = sign * w[i * perFeature + column];
                if (v != 0) {
                    weights.put(featureNames[i], v);
                }
            }
            double bias = inner.getBias() >= 0 ? sign * w[features * perFeature + column] * inner.getBias() : 0;
            weights.put(Model.BIAS_FEATURE, bias);
            out.put(label, weights);
        }
        return out;
    }

    private static Example<Label> example(Labelled e, Set<String> keep) {
        String[] names = new String[e.features().size()];
        double[] values = new double[names.length];
        int n = 0;
        for (Map.Entry<String, Float> f : e.features().entrySet()) {
            if (!keep.contains(f.getKey())) {
                continue;
            }
            names[n] = f.getKey();
            values[n] = f.getValue();
            n++;
        }
        return new ArrayExample<>(new Label(e.label()), java.util.Arrays.copyOf(names, n), java.util.Arrays.copyOf(values, n));
    }

    /** The exported weights must give the probabilities Tribuo gives, or the shipped reader is not the trained one. */
    private static void verify(Model<Label> model, List<Example<Label>> examples, Map<String, Map<String, Double>> weights) {
        int step = Math.max(1, examples.size() / 50);
        for (int k = 0; k < examples.size(); k += step) {
            Example<Label> e = examples.get(k);
            Prediction<Label> prediction = model.predict(e);
            Map<String, Double> scores = new HashMap<>();
            weights.forEach((label, w) -> {
                double s = w.getOrDefault(Model.BIAS_FEATURE, 0.0);
                for (var f : e) {
                    s += w.getOrDefault(f.getName(), 0.0) * f.getValue();
                }
                scores.put(label, s);
            });
            double total = 0;
            for (double s : scores.values()) {
                total += 1 / (1 + Math.exp(-s));
            }
            for (Map.Entry<String, Double> label : scores.entrySet()) {
                double sigmoid = 1 / (1 + Math.exp(-label.getValue()));
                double mine = weights.size() == 2 ? sigmoid : sigmoid / total;
                double theirs = prediction.getOutputScores().get(label.getKey()).getScore();
                if (Math.abs(mine - theirs) > 1e-3) {
                    throw new IllegalStateException("exported weights disagree with Tribuo for " + label.getKey() + ": " + mine + " vs " + theirs);
                }
            }
        }
    }
}
