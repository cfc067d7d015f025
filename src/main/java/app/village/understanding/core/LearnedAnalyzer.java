package app.village.understanding.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.village.understanding.Analyzer;
import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.RiskReason;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

/**
 * The analyser: learned readers trained on annotated real posts decide whether a post shows each
 * theme and which of its sentences show it, with the lexicon's findings among their features. The
 * lexicon also stays a net: its flag for a theme counts unless the sentence reader rates that
 * sentence under the theme's floor, chosen by cross-validation (low for urgent signs and for themes
 * too rare in the annotations to learn from; "never" where the learned reader alone does better).
 * Every theme cites the sentences whose scores carried it. Risk follows from the themes by the
 * taxonomy's table ({@link RiskPolicy}); the child's age is read by rule. Deterministic and
 * thread-safe: the same text always gives the same insight.
 */
public final class LearnedAnalyzer implements Analyzer {

    /** Changed whenever the model or the rules change, so the start-up catch-up reads every post again. */
    public static final String VERSION = "reader-1";
    private static final int MAX_EVIDENCE = 3;
    /** A further sentence is cited only if its reader rates it at least this share of the best one. */
    private static final double EVIDENCE_SHARE = 0.5;

    private final RuleAnalyzer lexicon;
    private final ReaderModel model;
    private final TextEncoding encoding;

    /** @param encoder the sentence encoder, required when the model was trained with one ({@link ReaderModel#encoding()}) */
    public LearnedAnalyzer(ReaderModel model, SentenceEmbedder encoder) {
        this(new RuleAnalyzer(), model, encoder);
    }

    LearnedAnalyzer(RuleAnalyzer lexicon, ReaderModel model, SentenceEmbedder encoder) {
        this.lexicon = lexicon;
        this.model = model;
        this.encoding = model.encoding().with(encoder);
    }

    public String version() {
        return version(model);
    }

    private static String version(ReaderModel model) {
        return VERSION + "/" + RuleAnalyzer.VERSION + "/" + model.about().getOrDefault("trained", "?");
    }

    /** A text split into sentences, with the features every learned reader sees and what the lexicon heard. */
    public record Prepared(TextToAnalyze input, List<Evidence> sentences, List<Map<String, Float>> features,
                           Map<String, Float> textFeatures, Insight heard, String normalisedWhole) {
    }

    /** One sentence with the probability each theme's reader gives it: what {@code analyze --explain} shows. */
    public record SentenceScores(Evidence sentence, Map<Theme, Double> probabilities) {
    }

    /** @param posts each theme's post-level probability */
    public record Reading(Insight insight, List<SentenceScores> sentences, Map<Theme, Double> posts) {
    }

    /** Sentences, features and the lexicon's reading: shared by reading and by training, so both see the same. */
    public static Prepared prepare(TextToAnalyze input, RuleAnalyzer lexicon, TextEncoding encoding) {
        String text = input.text() == null ? "" : input.text();
        if (text.length() > RuleAnalyzer.MAX_TEXT_CHARS) {
            text = text.substring(0, RuleAnalyzer.MAX_TEXT_CHARS);
            input = new TextToAnalyze(text, input.title(), input.role(), input.childAgeMonths());
        }
        List<Sentence> sentences = new ArrayList<>();
        if (input.title() != null && !input.title().isBlank()) {
            sentences.addAll(SentenceSplitter.split("title", input.title()));
        }
        sentences.addAll(SentenceSplitter.split("text", text));
        Insight heard = lexicon.analyze(input);
        Map<String, Set<Theme>> heardAt = new LinkedHashMap<>();
        for (ThemeFinding f : heard.themes()) {
            for (Evidence e : f.evidence()) {
                heardAt.computeIfAbsent(e.field() + ":" + e.start(), k -> EnumSet.noneOf(Theme.class)).add(f.theme());
            }
        }
        List<String> normalised = sentences.stream().map(Sentence::normalised).toList();
        float[][] vectors = encoding.vectors(sentences.stream().map(Sentence::original).toList());
        List<Map<String, Float>> features = new ArrayList<>(sentences.size());
        Set<Theme> before = Set.of();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            Set<Theme> here = heardAt.getOrDefault(s.field() + ":" + s.start(), Set.of());
            Map<String, Float> f = SentenceFeatures.of(normalised, i, here, before, s.field().equals("title"));
            TextEncoding.put(f, "e:", vectors == null ? null : vectors[i], encoding.sentenceScale());
            features.add(f);
            before = here;
        }
        String whole = Normaliser.normalise((input.title() == null ? "" : input.title() + "\n") + text);
        Set<String> extra = new java.util.LinkedHashSet<>();
        extra.add("rule-role:" + RoleReader.read(whole).code());
        heard.themes().forEach(f -> extra.add("lt:" + f.theme().code()));
        extra.add("lrisk:" + heard.riskLevel().code());
        Map<String, Float> textFeatures = SentenceFeatures.ofText(whole, extra);
        TextEncoding.put(textFeatures, "E:", TextEncoding.mean(vectors), encoding.textScale());
        return new Prepared(input, sentences.stream().map(Sentence::evidence).toList(), features, textFeatures, heard, whole);
    }

    @Override
    public Insight analyze(TextToAnalyze input) {
        return read(input).insight();
    }

    public Reading read(TextToAnalyze input) {
        return decide(prepare(input, lexicon, encoding), model);
    }

    /** The decision from prepared sentences: used as it is by cross-validation, so what is measured is what runs. */
    public static Reading decide(Prepared p, ReaderModel model) {
        int n = p.sentences().size();
        List<SentenceScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<Theme, Double> probabilities = new EnumMap<>(Theme.class);
            for (Theme theme : Theme.values()) {
                probabilities.put(theme, model.head(ReaderModel.themeHead(theme)).probability(p.features().get(i), model.vocabulary()));
            }
            scores.add(new SentenceScores(p.sentences().get(i), probabilities));
        }
        LinearHead personHead = model.head(ReaderModel.PERSON_HEAD);
        List<ThemeFinding> findings = new ArrayList<>();
        Map<Theme, Double> postProbabilities = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            double post = model.head(ReaderModel.postHead(theme)).probability(p.textFeatures(), model.vocabulary());
            postProbabilities.put(theme, post);
            List<Integer> net = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (netHolds(p, i, theme, scores.get(i).probabilities().get(theme), model)) {
                    net.add(i);
                }
            }
            if (post < model.thresholds().get(theme) && net.isEmpty()) {
                continue;
            }
            // The evidence: the sentences its sentence reader rates highest (the lexicon's flagged ones first when the net caught it).
            List<Integer> order = new ArrayList<>(net);
            java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores.get(i).probabilities().get(theme)))
                    .filter(i -> !net.contains(i)).forEach(order::add);
            double top = order.isEmpty() ? 0 : scores.get(order.get(0)).probabilities().get(theme);
            Map<Person, List<Evidence>> byPerson = new EnumMap<>(Person.class);
            for (int k = 0; k < order.size() && k < MAX_EVIDENCE; k++) {
                int i = order.get(k);
                double prob = scores.get(i).probabilities().get(theme);
                if (k > 0 && !net.contains(i) && prob < top * EVIDENCE_SHARE) {
                    break;
                }
                Person person = person(theme, p.features().get(i), personHead, model);
                if (person != null) {
                    byPerson.computeIfAbsent(person, x -> new ArrayList<>()).add(p.sentences().get(i));
                }
            }
            double confidence = Math.round(Math.max(post, net.isEmpty() ? 0 : model.thresholds().get(theme)) * 100) / 100.0;
            byPerson.forEach((person, evidence) -> findings.add(new ThemeFinding(theme, person, confidence, List.copyOf(evidence))));
        }
        findings.sort(Comparator.comparing((ThemeFinding f) -> RiskPolicy.levelOf(f.theme())).reversed()
                .thenComparing(ThemeFinding::confidence, Comparator.reverseOrder())
                .thenComparing(f -> f.theme().ordinal()));
        RiskPolicy.Result risk = RiskPolicy.assess(findings, hopelessness(p.heard(), findings));
        TextToAnalyze input = p.input();
        boolean roleGiven = input.role() != null && input.role() != WriterRole.UNKNOWN;
        WriterRole role = roleGiven ? input.role() : role(p, model);
        Integer age = input.childAgeMonths() != null ? input.childAgeMonths() : p.heard().childAgeMonths();
        Evidence ageEvidence = input.childAgeMonths() != null ? null : p.heard().childAgeEvidence();
        Insight insight = new Insight(role, roleGiven, RuleAnalyzer.subject(findings), age, ageEvidence, List.copyOf(findings),
                risk.level(), risk.reasons(), version(model));
        return new Reading(insight, scores, postProbabilities);
    }

    /** The lexicon flagged an urgent sign in this sentence and the learned reader does not rule it out. */
    private static boolean netHolds(Prepared p, int i, Theme theme, double prob, ReaderModel model) {
        if (!model.netFloors().containsKey(theme) || prob < model.netFloors().get(theme)) {
            return false;
        }
        Evidence sentence = p.sentences().get(i);
        return p.heard().themes().stream().filter(f -> f.theme() == theme)
                .anyMatch(f -> f.evidence().stream().anyMatch(e -> e.field().equals(sentence.field()) && e.start() == sentence.start()));
    }

    /** Whose experience the sentence shows; some themes are by nature the child's or a parent's. */
    static Person person(Theme theme, Map<String, Float> features, LinearHead head, ReaderModel model) {
        if (theme == Theme.INFANT_CRYING) {
            return Person.CHILD;
        }
        Map<String, Float> withTheme = new LinkedHashMap<>(features);
        withTheme.put("theme:" + theme.code(), 1.0f);
        double[] d = head.distribution(withTheme, model.vocabulary());
        Person bestPerson = null;
        double bestP = -1;
        for (int l = 0; l < d.length; l++) {
            Person candidate = Person.ofCode(head.labels().get(l));
            boolean allowed = candidate != Person.CHILD || theme == Theme.SEPARATION_DISTRESS || theme == Theme.ANGER_IRRITABILITY;
            if (allowed && d[l] > bestP) {
                bestP = d[l];
                bestPerson = candidate;
            }
        }
        return bestPerson;
    }

    static WriterRole role(Prepared p, ReaderModel model) {
        LinearHead head = model.head(ReaderModel.ROLE_HEAD);
        double[] d = head.distribution(p.textFeatures(), model.vocabulary());
        int best = 0;
        for (int l = 1; l < d.length; l++) {
            if (d[l] > d[best]) {
                best = l;
            }
        }
        return WriterRole.ofCode(head.labels().get(best));
    }

    /** Severe hopelessness is heard by the lexicon's markers; it raises the level only where low mood was found for that person. */
    static Map<Person, Evidence> hopelessness(Insight heard, List<ThemeFinding> findings) {
        Map<Person, Evidence> out = new EnumMap<>(Person.class);
        if (heard.riskLevel() != RiskLevel.HIGH) {
            return out;
        }
        for (RiskReason r : heard.riskReasons()) {
            if (r.code().equals(Theme.PERINATAL_DEPRESSION.code())
                    && findings.stream().anyMatch(f -> f.theme() == Theme.PERINATAL_DEPRESSION && f.person() == r.person())) {
                out.putIfAbsent(r.person(), r.evidence());
            }
        }
        return out;
    }
}
