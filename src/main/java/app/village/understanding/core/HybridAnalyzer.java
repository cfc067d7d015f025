package app.village.understanding.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.village.understanding.Analyzer;
import app.village.understanding.Insight;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

/**
 * The analyser Village reads posts with: the lexicon proposes, the learned readers check. The
 * lexicon (with the model's similarity to curated examples) hears every theme as before, with its
 * sentences as evidence; then, for the themes that are not urgent signs, a finding stands only if
 * the post-level reader trained on annotated real posts gives that theme at least its veto
 * probability, chosen by cross-validation on those posts ({@link ReaderModel#vetoes()}). On real
 * posts the lexicon raised ordinary stress to anger, isolation or feeding trouble from single words
 * used in passing ("the cat was still angry"); the readers know the context those words came in.
 * Urgent signs and intrusive thoughts are never overruled: a missed one costs more than a false alarm.
 * The readers do not add urgent signs of their own (yet): at their recall-first threshold a short calm
 * post ("Up every two hours, so tired.") is rated near the urgent posts' share of the training data
 * and would be urgent (ADR 0019).
 */
public final class HybridAnalyzer implements Analyzer {

    private final RuleAnalyzer lexicon;
    private final ReaderModel model;
    private final TextEncoding encoding;
    private final String version;

    /** @param encoder the sentence encoder, required only when the model was trained with one */
    public HybridAnalyzer(RuleAnalyzer lexicon, ReaderModel model, SentenceEmbedder encoder) {
        this.lexicon = lexicon;
        this.model = model;
        this.encoding = model.encoding().with(encoder);
        // Changes with the lexicon's rules and with the model file, so the start-up catch-up reads every post again.
        String annotations = model.about().getOrDefault("annotations-sha256", "");
        this.version = lexicon.version() + "+veto/" + model.about().getOrDefault("trained", "?") + "/"
                + annotations.substring(0, Math.min(8, annotations.length()));
    }

    public String version() {
        return version;
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
        // Only the readers the check uses: the post readers of the vetoed themes and the role reader.
        Map<Theme, Double> posts = new EnumMap<>(Theme.class);
        for (Theme theme : model.vetoes().keySet()) {
            posts.put(theme, model.head(ReaderModel.postHead(theme)).probability(prepared.textFeatures(), model.vocabulary()));
        }
        Insight insight = check(prepared.heard(), LearnedAnalyzer.role(prepared, model), posts, model.vetoes(), version);
        return new Reading(insight, prepared.heard(), posts, model.vetoes());
    }

    /**
     * What the lexicon heard, less the findings the readers overrule; risk is assessed again from what
     * stands, by the same table; the writer's role is the role reader's. Used as it is by
     * cross-validation, so what is measured is what runs.
     *
     * @param readRole the writer's role as the role reader reads it
     * @param posts    each theme's post-level probability from its reader
     */
    public static Insight check(Insight heard, WriterRole readRole, Map<Theme, Double> posts, Map<Theme, Double> vetoes, String version) {
        List<ThemeFinding> standing = heard.themes().stream()
                .filter(f -> !overruled(f.theme(), posts, vetoes))
                .toList();
        // The role reader learned from real posts reads the writer's role better than the role rules (ADR 0019).
        WriterRole role = heard.writerRoleGiven() ? heard.writerRole() : readRole;
        if (standing.equals(heard.themes())) {
            return new Insight(role, heard.writerRoleGiven(), heard.subject(), heard.childAgeMonths(),
                    heard.childAgeEvidence(), heard.themes(), heard.riskLevel(), heard.riskReasons(), version);
        }
        RiskPolicy.Result risk = RiskPolicy.assess(standing, LearnedAnalyzer.hopelessness(heard, standing));
        return new Insight(role, heard.writerRoleGiven(), RuleAnalyzer.subject(standing), heard.childAgeMonths(),
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
