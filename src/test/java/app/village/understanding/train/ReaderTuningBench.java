package app.village.understanding.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.RuleAnalyzer;

/**
 * How the readers' regularisation (LIBLINEAR's C) and the weight of a theme's sentences were
 * chosen: cross-validation on the annotated posts for each pair, prepared once. Prints macro-F1,
 * the lowest F1 among themes with 20 or more posts, urgent recall and precision per pair.
 *
 * <pre>./mvnw -B verify -Dtest=ReaderTuningBench -Dvillage.bench=true -Dsurefire.failIfNoSpecifiedTests=false [-Dfolds=3]</pre>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "village.bench", matches = "true")
class ReaderTuningBench {

    @Test
    void tune() {
        int folds = Integer.getInteger("folds", 3);
        List<AnnotatedText> all = AnnotatedCorpus.load(Path.of("training/understanding"));
        List<AnnotatedText> texts = all.subList(0, Math.min(Integer.getInteger("posts", all.size()), all.size()));
        RuleAnalyzer lexicon = new RuleAnalyzer();
        List<ReaderTrainer.Item> items = texts.parallelStream()
                .map(t -> new ReaderTrainer.Item(t, LearnedAnalyzer.prepare(new TextToAnalyze(t.text(), t.title(), null, null), lexicon, app.village.understanding.core.TextEncoding.NONE)))
                .toList();
        ReaderTrainer.Options base = ReaderTrainer.Options.standard(TrainCommand.SEED);
        List<String> lines = new ArrayList<>();
        double[][] pairs = {{1, 1}, {1, 4}, {0.3, 4}};
        for (double[] pair : pairs) {
            double cost = pair[0];
            float weight = (float) pair[1];
            {
                CrossValidation.Result r = CrossValidation.run(items, folds, base.with(cost, weight));
                double lowest = 1;
                for (Theme t : Theme.values()) {
                    if (r.positives().get(t) >= 20) {
                        lowest = Math.min(lowest, r.evaluation().counts(t).f1());
                    }
                }
                String line = String.format("TUNING C %.1f  weight %4.1f  macro-F1 %.3f  lowest(>=20) %.3f  urgent R %.3f P %.3f  over-raised %.3f  role %.3f",
                        cost, weight, r.evaluation().macroF1(), lowest, r.evaluation().urgentRecall(), r.evaluation().urgentPrecision(),
                        r.evaluation().overRaised(), r.evaluation().roleAccuracy());
                System.out.println(line);
                lines.add(line);
            }
        }
        assertThat(lines).hasSize(pairs.length);
    }
}
