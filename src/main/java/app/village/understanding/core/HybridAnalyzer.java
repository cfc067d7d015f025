package app.village.understanding.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.village.understanding.Analyzer;
import app.village.understanding.Insight;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;

/**
 * The analyser Village reads posts with: the lexicon proposes, the learned readers check. The
 * lexicon (with the model's similarity to curated examples) hears every theme as before, with its
 * sentences as evidence; then, for the themes that are not urgent signs, a finding stands only if
 * the post-level reader trained on annotated real posts gives that theme at least its veto
 * probability, chosen by cross-validation on those posts ({@link ReaderModel#vetoes()}). On real
 * posts the lexicon raised ordinary stress to anger, isolation or feeding trouble from single words
 * used in passing ("the cat was still angry"); the readers know the context those words came in.
 * Urgent signs and intrusive thoughts are never overruled: a missed one costs more than a false alarm.
 */
public final class HybridAnalyzer implements Analyzer {

    private final RuleAnalyzer lexicon;
    private final ReaderModel model;
    private final TextEncoding encoding;

    /** @param encoder the sentence encoder, required only when the model was trained with one */
    public HybridAnalyzer(RuleAnalyzer lexicon, ReaderModel model, SentenceEmbedder encoder) {
        this.lexicon = lexicon;
        this.model = model;
        this.encoding = model.encoding().with(encoder);
    }

    public String version() {
        // Changes with the lexicon's rules and with the model file, so the start-up catch-up reads every post again.
        String annotations = model.about().getOrDefault("annotations-sha256", "");
        return lexicon.version() + "+veto/" + model.about().getOrDefault("trained", "?") + "/"
                + annotations.substring(0, Math.min(8, annotations.length()));
    }

    /** What the lexicon heard, what stands, and the readers' probabilities that decided it ({@code ./village analyze --explain}). */
    public record Reading(Insight insight, Insight heard, Map<Theme, Double> posts, Map<Theme, Double> vetoes) {

        /** The lexicon's findings the readers overruled. */
        public List<ThemeFinding> overruled() {
            return heard.themes().stream().filter(f -> !insight.themes().contains(f)).toList();
        }
    }

    @Override
    public Insight analyze(TextToAnalyze input) {
        return read(input).insight();
    }

    public Reading read(TextToAnalyze input) {
        LearnedAnalyzer.Prepared prepared = LearnedAnalyzer.prepare(input, lexicon, encoding);
        Map<Theme, Double> posts = postProbabilities(prepared, model);
        return new Reading(check(prepared.heard(), posts, model.vetoes(), version()), prepared.heard(), posts, model.vetoes());
    }

    /** Each theme's post-level probability from its reader. */
    static Map<Theme, Double> postProbabilities(LearnedAnalyzer.Prepared prepared, ReaderModel model) {
        Map<Theme, Double> posts = new EnumMap<>(Theme.class);
        for (Theme theme : model.vetoes().keySet()) {
            posts.put(theme, model.head(ReaderModel.postHead(theme)).probability(prepared.textFeatures(), model.vocabulary()));
        }
        return posts;
    }

    /**
     * What the lexicon heard, less the findings the readers overrule; risk is assessed again from
     * what stands, by the same table. Used as it is by cross-validation, so what is measured is what runs.
     */
    public static Insight check(Insight heard, Map<Theme, Double> posts, Map<Theme, Double> vetoes, String version) {
        List<ThemeFinding> standing = heard.themes().stream()
                .filter(f -> !overruled(f.theme(), posts, vetoes))
                .toList();
        RiskPolicy.Result risk = standing.size() == heard.themes().size()
                ? new RiskPolicy.Result(heard.riskLevel(), heard.riskReasons())
                : RiskPolicy.assess(standing, LearnedAnalyzer.hopelessness(heard, standing));
        return new Insight(heard.writerRole(), heard.writerRoleGiven(), RuleAnalyzer.subject(standing), heard.childAgeMonths(),
                heard.childAgeEvidence(), standing, risk.level(), risk.reasons(), version);
    }

    /** Urgent signs and intrusive thoughts stand whatever the readers say: a missed one costs more than a false alarm. */
    public static boolean mayOverrule(Theme theme) {
        return !RiskPolicy.URGENT.contains(theme) && theme != Theme.INTRUSIVE_THOUGHTS;
    }

    static boolean overruled(Theme theme, Map<Theme, Double> posts, Map<Theme, Double> vetoes) {
        if (!mayOverrule(theme)) {
            return false;
        }
        Double veto = vetoes.get(theme);
        return veto != null && posts.getOrDefault(theme, 1.0) < veto;
    }
}
