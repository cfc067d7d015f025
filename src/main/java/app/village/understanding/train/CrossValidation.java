package app.village.understanding.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.cli.Evaluation;
import app.village.understanding.core.HybridAnalyzer;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;

/**
 * K-fold cross-validation grouped by post (every sentence of a post is in the same fold). Each
 * theme's threshold, and the floor under which the lexicon's urgent flags are overruled, are
 * chosen on the out-of-fold probabilities; then every held-out post is read by the very decision
 * the shipped analyser makes ({@link LearnedAnalyzer#decide}), with its fold's readers.
 *
 * <p>The thresholds are chosen on the same out-of-fold scores the figures come from, so the
 * figures lean slightly optimistic; the measuring sets that were never tuned on say how much.
 */
final class CrossValidation {

    /** Themes whose miss costs most: their threshold favours recall (F2) over precision. */
    private static final List<Theme> RECALL_FIRST = List.of(Theme.SELF_HARM, Theme.HARM_TO_CHILD, Theme.PSYCHOSIS_SIGNS,
            Theme.INTRUSIVE_THOUGHTS);
    private static final double[] THRESHOLDS = {0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45,
            0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    /** Above every probability: the reader (or the net) never reports the theme. */
    static final double NEVER = 1.01;
    private static final double[] FLOORS = {NEVER, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.0};

    /** Post-level probabilities under which the readers may overrule the lexicon; 0 is "never overrule". */
    private static final double[] VETOES = {0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};

    /**
     * @param evaluation the learned readers alone; {@code hybrid} the lexicon checked by them (what Village
     *                   reads posts with); {@code lexicon} the lexicon alone, for comparison
     */
    record Result(Map<Theme, Double> thresholds, Map<Theme, Double> floors, Map<Theme, Double> vetoes, Evaluation evaluation,
                  Map<Theme, Integer> positives, Evaluation.ByRole byRole, Evaluation hybrid, Evaluation.ByRole hybridByRole,
                  Evaluation lexicon) {
    }

    private CrossValidation() {
    }

    static Result run(List<ReaderTrainer.Item> items, int folds, ReaderTrainer.Options options) {
        List<ReaderTrainer.Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(options.seed()));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            foldOf.put(shuffled.get(i).text().id(), i % folds);
        }
        Map<Theme, Double> placeholder = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            placeholder.put(t, 0.5);
        }
        List<ReaderModel> models = new ArrayList<>();
        // out-of-fold: per item, per sentence, per theme
        Map<String, List<Map<Theme, Double>>> oof = new HashMap<>();
        Map<String, Map<Theme, Double>> oofPosts = new HashMap<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            List<ReaderTrainer.Item> train = shuffled.stream().filter(i -> foldOf.get(i.text().id()) != fold).toList();
            ReaderModel model = ReaderTrainer.train(train, placeholder, Map.of(), options, Map.of("fold", String.valueOf(f)));
            models.add(model);
            for (ReaderTrainer.Item item : shuffled) {
                if (foldOf.get(item.text().id()) == fold) {
                    LearnedAnalyzer.Reading reading = LearnedAnalyzer.decide(item.prepared(), model);
                    oof.put(item.text().id(), reading.sentences().stream().map(LearnedAnalyzer.SentenceScores::probabilities).toList());
                    oofPosts.put(item.text().id(), reading.posts());
                }
            }
        }
        Map<Theme, Double> thresholds = new EnumMap<>(Theme.class);
        Map<Theme, Double> floors = new EnumMap<>(Theme.class);
        Map<Theme, Integer> positives = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            positives.put(theme, (int) items.stream().filter(i -> i.text().has(theme)).count());
            choose(theme, items, oof, oofPosts, thresholds, floors);
        }
        Map<Theme, Double> vetoes = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            chooseVeto(theme, items, oofPosts).ifPresent(v -> vetoes.put(theme, v));
        }
        Evaluation hybrid = new Evaluation();
        Evaluation.ByRole hybridByRole = new Evaluation.ByRole();
        Evaluation lexicon = new Evaluation();
        Evaluation evaluation = new Evaluation();
        Evaluation.ByRole byRole = new Evaluation.ByRole();
        for (ReaderTrainer.Item item : shuffled) {
            ReaderModel fold = models.get(foldOf.get(item.text().id()));
            ReaderModel tuned = new ReaderModel(fold.vocabulary(), fold.heads(), thresholds, floors, fold.about());
            LearnedAnalyzer.Reading reading = LearnedAnalyzer.decide(item.prepared(), tuned);
            Insight insight = reading.insight();
            evaluation.add(item.text().id(), insight, item.text().expected());
            byRole.add(item.text().id(), insight, item.text().expected());
            Insight heard = item.prepared().heard();
            Insight checked = HybridAnalyzer.check(heard, insight.writerRole(), reading.posts(), vetoes, "cv");
            hybrid.add(item.text().id(), checked, item.text().expected());
            hybridByRole.add(item.text().id(), checked, item.text().expected());
            lexicon.add(item.text().id(), heard, item.text().expected());
        }
        return new Result(thresholds, floors, vetoes, evaluation, positives, byRole, hybrid, hybridByRole, lexicon);
    }

    /**
     * The veto with the best out-of-fold F1 of the lexicon's finding kept only where the post reader
     * reaches it; of equal scores the lower wins (fewer findings overruled). Empty where overruling
     * never helps, and for urgent signs and intrusive thoughts, which are never overruled.
     */
    private static Optional<Double> chooseVeto(Theme theme, List<ReaderTrainer.Item> items, Map<String, Map<Theme, Double>> oofPosts) {
        if (!HybridAnalyzer.mayOverrule(theme)) {
            return Optional.empty();
        }
        double bestScore = -1;
        double best = 0;
        for (double veto : VETOES) {
            double f1 = Counts.of(items, theme, item -> item.prepared().heard().has(theme)
                    && oofPosts.get(item.text().id()).get(theme) >= veto).score(1.0);
            if (f1 > bestScore + 1e-9) {
                bestScore = f1;
                best = veto;
            }
        }
        return best == 0 ? Optional.empty() : Optional.of(best);
    }

    /** The threshold (and, for urgent signs, the lexicon's floor) with the best F1 (F2 where a miss costs most) out of fold. */
    private static void choose(Theme theme, List<ReaderTrainer.Item> items, Map<String, List<Map<Theme, Double>>> oof,
                               Map<String, Map<Theme, Double>> oofPosts, Map<Theme, Double> thresholds, Map<Theme, Double> floors) {
        double beta = RECALL_FIRST.contains(theme) ? 2.0 : 1.0;
        boolean net = true;
        // A theme no threshold finds with any success is never reported by its reader (only the lexicon's net
        // can raise it); and of equal scores the higher threshold wins, for fewer false alarms.
        double bestScore = 0;
        double bestThreshold = NEVER;
        double bestFloor = NEVER;
        for (double floor : net ? FLOORS : new double[] {1.01}) {
            for (int t = THRESHOLDS.length - 1; t >= 0; t--) {
                double threshold = THRESHOLDS[t];
                double score = Counts.of(items, theme, item -> oofPosts.get(item.text().id()).get(theme) >= threshold
                        || netCatches(item, oof.get(item.text().id()), theme, floor)).score(beta);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    bestThreshold = Math.round(threshold * 1000) / 1000.0;
                    bestFloor = floor;
                }
            }
        }
        thresholds.put(theme, bestThreshold);
        if (net) {
            floors.put(theme, bestFloor);
        }
    }

    /** Out-of-fold hits and misses of one theme under one decision. */
    private record Counts(int tp, int fp, int fn) {

        static Counts of(List<ReaderTrainer.Item> items, Theme theme, Predicate<ReaderTrainer.Item> predicted) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (ReaderTrainer.Item item : items) {
                boolean gold = item.text().has(theme);
                boolean yes = predicted.test(item);
                if (gold && yes) {
                    tp++;
                } else if (yes) {
                    fp++;
                } else if (gold) {
                    fn++;
                }
            }
            return new Counts(tp, fp, fn);
        }

        /** F-beta: beta 1 weighs precision and recall alike, 2 favours recall. */
        double score(double beta) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            return p + r == 0 ? 0 : (1 + beta * beta) * p * r / (beta * beta * p + r);
        }
    }

    private static boolean netCatches(ReaderTrainer.Item item, List<Map<Theme, Double>> scores, Theme theme, double floor) {
        List<Evidence> sentences = item.prepared().sentences();
        for (int i = 0; i < scores.size(); i++) {
            double p = scores.get(i).get(theme);
            if (p >= floor && flagged(item, sentences.get(i), theme)) {
                return true;
            }
        }
        return false;
    }

    private static boolean flagged(ReaderTrainer.Item item, Evidence sentence, Theme theme) {
        for (ThemeFinding f : item.prepared().heard().themes()) {
            if (f.theme() == theme && f.evidence().stream().anyMatch(e -> e.field().equals(sentence.field()) && e.start() == sentence.start())) {
                return true;
            }
        }
        return false;
    }

    static String report(Result result, int folds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d-fold cross-validation, grouped by post, %d posts%n", folds, result.evaluation().texts()));
        out.append(String.format("%-22s %5s %6s %6s %6s %6s%n", "theme", "pos", "P", "R", "F1", "thresh"));
        Map<Theme, Double> f1 = new LinkedHashMap<>();
        for (Theme theme : Theme.values()) {
            Evaluation.Counts c = result.evaluation().counts(theme);
            f1.put(theme, c.f1());
            out.append(String.format("%-22s %5d %6.3f %6.3f %6.3f %6.3f%s%n", theme.code(), result.positives().get(theme), c.precision(),
                    c.recall(), c.f1(), result.thresholds().get(theme),
                    result.floors().containsKey(theme) ? String.format("  lexicon floor %.2f", result.floors().get(theme)) : ""));
        }
        double withTwenty = f1.entrySet().stream().filter(e -> result.positives().get(e.getKey()) >= 20)
                .mapToDouble(Map.Entry::getValue).min().orElse(0);
        out.append(String.format("lowest F1 among themes with 20 or more positives: %.3f%n", withTwenty));
        out.append(result.evaluation().report());
        out.append(result.byRole().report());
        out.append(String.format("%n== the lexicon checked by the readers (what Village reads posts with), out of fold ==%nvetoes: %s%n",
                result.vetoes()));
        out.append(result.hybrid().report());
        out.append(result.hybridByRole().report());
        out.append(String.format("%n== the lexicon alone ==%n"));
        out.append(result.lexicon().report());
        return out.toString();
    }
}
