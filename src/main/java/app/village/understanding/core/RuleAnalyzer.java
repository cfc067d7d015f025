package app.village.understanding.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.village.understanding.Analyzer;
import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.Subject;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

/**
 * The analyser: the lexicon's rules read sentence by sentence, with negation, hyperbole,
 * resolved past, generic questions, quotes and reported speech taken into account; then the
 * child's age, the writer's role, the subject and the risk. Plain Java: no I/O after loading,
 * no shared mutable state, deterministic.
 */
public final class RuleAnalyzer implements Analyzer {

    /** Changed whenever the lexicon or the rules change, so the start-up catch-up reads every post again. */
    public static final String VERSION = "rules-3";
    static final double REPORT_THRESHOLD = 0.5;
    static final int MAX_TEXT_CHARS = 100_000;
    private static final int MAX_EVIDENCE = 3;

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|never|no|don'?t|dont|didn'?t|didnt|doesn'?t|doesnt|isn'?t|isnt|wasn'?t|wasnt|won'?t|wont|wouldn'?t|wouldnt|haven'?t|havent|hasn'?t|hasnt|without|nor|neither|no longer|none|zero|nothing like)\\b");
    private static final Pattern HEDGE = Pattern.compile(
            "\\b(?:don'?t|dont|do not|didn'?t|didnt) (?:know|think|understand|remember|get why|see why|mean to|want to admit|want anyone to know|want to say|know why|know how|know if|care if)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()]|\\s[-/]\\s|\\b(?:but|although|though|however|yet|except|because|cos|cause|so)\\b");
    private static final Pattern CURRENT = Pattern.compile("\\b(?:again|still|lately|recently|tonight|today|right now|at the moment|(?<!ago )this week|these days|anymore|any more|keep|keeps|every day|every night)\\b");
    private static final Pattern PAST_TENSE = Pattern.compile("\\b(?:had|was|were|felt|went|got|did|used to|couldn'?t|wasn'?t|weren'?t|took|became|started|stopped)\\b");
    private static final Pattern PRESENT_TENSE = Pattern.compile("\\b(?:am|i'?m|im|is|are|feel|feels|keep|keeps|still|now|can'?t|cant|don'?t|dont|doesn'?t|have been|has been|'ve been)\\b");
    private static final Pattern RELAPSE = Pattern.compile("\\b(?:again|(?:are|is|have|'ve|came|coming|creeping) back|returned|returning|lately|recently)\\b");
    private static final Pattern FIRST_PERSON_FEELING = Pattern.compile("\\b(?:i|i'm|im|i am|i've|ive)\\s+(?:want|feel|think|have|keep|am|'m|can'?t|cant|wish)\\b");

    private static final Pattern REPORTED_READER = Pattern.compile(
            "\\b(?:you (?:said|say|told (?:me|us)|wrote|write|mentioned|posted|put|texted|messaged|shared)|what you (?:said|wrote|posted|put|shared|texted))\\b");
    private static final Pattern REPORTED_SPEAKER = Pattern.compile(
            "\\b(?:he|she|they|husband|wife|partner|dh|dw|boyfriend|girlfriend) (?:said|says|told me|keeps saying|kept saying|texted|messaged)\\b");

    private final Lexicon lexicon;
    private final SemanticMatcher semantic;

    /** The lexicon alone, without the model: for tests of the rules and for machines that cannot load the model. */
    public RuleAnalyzer() {
        this(Lexicon.load("understanding/lexicon.txt"), null);
    }

    /** The lexicon together with similarity to the curated examples, computed by the given embedder. */
    public RuleAnalyzer(SemanticMatcher semantic) {
        this(Lexicon.load("understanding/lexicon.txt"), semantic);
    }

    RuleAnalyzer(Lexicon lexicon, SemanticMatcher semantic) {
        this.lexicon = lexicon;
        this.semantic = semantic;
    }

    public String version() {
        return semantic == null ? VERSION : VERSION + "+minilm";
    }

    @Override
    public Insight analyze(TextToAnalyze input) {
        String text = input.text() == null ? "" : input.text();
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        List<Sentence> sentences = new ArrayList<>();
        if (input.title() != null && !input.title().isBlank()) {
            sentences.addAll(SentenceSplitter.split("title", input.title()));
        }
        sentences.addAll(SentenceSplitter.split("text", text));
        String whole = Normaliser.normalise((input.title() == null ? "" : input.title() + "\n") + text);
        boolean partnerInText = PersonReader.MENTIONS_PARTNER.matcher(whole).find();
        boolean resolvedInText = any("resolved", whole);
        boolean relapseInText = RELAPSE.matcher(whole).find();

        Map<Key, Accumulator> heard = new LinkedHashMap<>();
        boolean[] readableByModel = new boolean[sentences.size()];
        Map<Person, Evidence> hopelessness = new EnumMap<>(Person.class);
        String[] masked = new String[sentences.size()];
        for (int index = 0; index < sentences.size(); index++) {
            masked[index] = mask(sentences.get(index).normalised());
        }
        for (int index = 0; index < sentences.size(); index++) {
            Sentence sentence = sentences.get(index);
            // A quote is another parent's words, unless the writer answers it with "yes" or "me too".
            Person quotedAs = sentence.quoted() ? (agreesWithQuote(sentences, index) ? Person.WRITER : Person.OTHER) : null;
            String s = masked[index];
            Window window = null;
            boolean past = any("past", s);
            boolean current = CURRENT.matcher(s).find();
            boolean resolvedHere = any("resolved", s);
            boolean pastTense = PAST_TENSE.matcher(s).find() && !PRESENT_TENSE.matcher(s).find();
            boolean dropPast = !current && (((past || pastTense) && resolvedInText) || resolvedHere);
            boolean dropPastUrgent = dropPast && past && !relapseInText;
            boolean genericQuestion = any("generic_question", s) && !FIRST_PERSON_FEELING.matcher(s).find();
            for (Lexicon.Rule rule : lexicon.themeRules()) {
                String read = s;
                int currentFrom = 0;
                if (rule.span() > 1) {
                    if (window == null || window.span != rule.span()) {
                        window = Window.of(masked, index, rule.span(), sentences);
                    }
                    read = window.text;
                    currentFrom = window.currentFrom;
                }
                if (!rule.mayMatch(read)) {
                    continue;
                }
                Matcher m = rule.pattern().matcher(read);
                boolean found = false;
                while (m.find()) {
                    // A sign spread over sentences must end in this one; a sign inside one earlier sentence was heard there.
                    if (m.end() > currentFrom && !negated(read, m.start())
                            && (rule.span() == 1 || !negated(read, lastWordStart(read, m.end())))) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    continue;
                }
                boolean urgentTheme = RiskPolicy.URGENT.contains(rule.theme()) || rule.theme() == Theme.INTRUSIVE_THOUGHTS;
                if (urgentTheme ? dropPastUrgent : dropPast) {
                    continue;
                }
                Person reportedAs = null;
                if (urgentTheme && (genericQuestion || addressedToReader(read, m.start(), m.end()))) {
                    // "You said you want to die": the reader's own words, reported back to them, are their sign, not advice.
                    // "He said 'you'd be better off with the life insurance'": the speaker's.
                    String before = read.substring(0, m.start());
                    if (REPORTED_READER.matcher(before).find()) {
                        reportedAs = Person.OTHER;
                    } else if (!REPORTED_SPEAKER.matcher(before).find()) {
                        continue;
                    }
                }
                Person person = quotedAs != null ? quotedAs : reportedAs != null ? reportedAs
                        : rule.person() != null ? rule.person() : PersonReader.read(read, m.start(), partnerInText);
                if (rule.theme() == Theme.INFANT_CRYING && quotedAs == null && CRYING_WORD.matcher(read).region(m.start(), m.end()).lookingAt()
                        && writerIsTheOneCrying(read, m.start())) {
                    // "I cry in the car every morning": the writer's own tears belong to their mood, not to the baby's crying.
                    continue;
                }
                person = quotedAs != null ? person : settle(rule.theme(), person);
                if (person == null) {
                    // "the baby is not her baby", "after my daughter was born, still on medication": a parent's
                    // experience belongs to whoever acts or speaks, never to the baby named on the way.
                    person = PersonReader.readSkippingChild(read, m.start(), partnerInText);
                }
                if (person == null) {
                    continue;
                }
                Accumulator acc = heard.computeIfAbsent(new Key(rule.theme(), person), k -> new Accumulator());
                if (rule.span() > 1) {
                    int first = window.sentenceAt(m.start());
                    if (first != index) {
                        acc.add(rule, sentences.get(first), first);
                    }
                }
                acc.add(rule, sentence, index);
            }
            readableByModel[index] = !sentence.quoted() && !dropPast && !NEGATION.matcher(s).find();
            for (Lexicon.Rule rule : lexicon.marker("hopeless")) {
                if (!rule.mayMatch(s)) {
                    continue;
                }
                Matcher m = rule.pattern().matcher(s);
                if (m.find() && !negated(s, m.start()) && !dropPast) {
                    Person person = settle(Theme.PERINATAL_DEPRESSION, PersonReader.read(s, m.start(), partnerInText));
                    if (person != null) {
                        hopelessness.putIfAbsent(person, sentence.evidence());
                    }
                }
            }
        }

        // Severe hopelessness is itself low mood: a text that shows it has the depression theme too.
        hopelessness.forEach((person, evidence) -> heard.computeIfAbsent(new Key(Theme.PERINATAL_DEPRESSION, person),
                k -> new Accumulator()).addHopelessness(evidence));
        corroborate(sentences, heard, readableByModel);
        List<ThemeFinding> findings = new ArrayList<>();
        heard.forEach((key, acc) -> {
            if (acc.confidence() >= REPORT_THRESHOLD) {
                findings.add(new ThemeFinding(key.theme(), key.person(), round(acc.confidence()), acc.evidence()));
            }
        });
        findings.sort(Comparator.comparing((ThemeFinding f) -> RiskPolicy.levelOf(f.theme())).reversed()
                .thenComparing(ThemeFinding::confidence, Comparator.reverseOrder())
                .thenComparing(f -> f.theme().ordinal()));

        RiskPolicy.Result risk = RiskPolicy.assess(findings, hopelessness);
        WriterRole role = input.role() != null && input.role() != WriterRole.UNKNOWN ? input.role() : RoleReader.read(whole);
        Integer ageMonths = input.childAgeMonths();
        Evidence ageEvidence = null;
        Optional<AgeReader.Age> age = AgeReader.read(sentences);
        if (age.isPresent() && (ageMonths == null)) {
            ageMonths = age.get().months();
            ageEvidence = age.get().evidence();
        }
        return new Insight(role, input.role() != null && input.role() != WriterRole.UNKNOWN, subject(findings), ageMonths,
                ageEvidence, List.copyOf(findings), risk.level(), risk.reasons(), version());
    }

    private static final Pattern AGREEMENT = Pattern.compile("^\\W*(?:(?:yes|yep|yeah|me too|same|same here|so much this|this|i do|exactly|totally|absolutely|100%|every day|every night|all the time)\\b|me\\W*$)");

    private static boolean agreesWithQuote(List<Sentence> sentences, int index) {
        for (int i = index + 1; i < sentences.size(); i++) {
            if (!sentences.get(i).quoted()) {
                return AGREEMENT.matcher(sentences.get(i).normalised()).find();
            }
        }
        return false;
    }

    static final double SEMANTIC_BASE = 0.45;

    /** Sentences are read by the model in windows of about this many words, close to the 256 word pieces it reads at once. */
    static final int WINDOW_WORDS = 180;

    /**
     * Where the lexicon is unsure (a theme heard, but not strongly enough to report), the model is
     * asked whether the sentences that suggested it mean the same as the team's examples for that
     * theme; if so, the theme is confirmed. The model never adds a theme the lexicon did not hear,
     * so every theme keeps its evidence from a rule, and it is not run at all when nothing is unsure.
     */
    private void corroborate(List<Sentence> sentences, Map<Key, Accumulator> heard, boolean[] readableByModel) {
        if (semantic == null) {
            return;
        }
        List<Accumulator> unsure = heard.values().stream().filter(a -> a.confidence() < REPORT_THRESHOLD).toList();
        java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
        unsure.forEach(a -> a.sentences().stream().filter(i -> readableByModel[i]).forEach(wanted::add));
        if (wanted.isEmpty()) {
            return;
        }
        List<List<Integer>> windows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        StringBuilder window = new StringBuilder();
        int words = 0;
        for (int index : wanted) {
            String original = sentences.get(index).original();
            current.add(index);
            window.append(original).append(' ');
            words += original.split("\\s+").length;
            if (words >= WINDOW_WORDS) {
                windows.add(current);
                texts.add(window.toString().strip());
                current = new ArrayList<>();
                window.setLength(0);
                words = 0;
            }
        }
        if (!current.isEmpty()) {
            windows.add(current);
            texts.add(window.toString().strip());
        }
        List<Map<Theme, Double>> found = semantic.score(texts);
        Map<Integer, Map<Theme, Double>> bySentence = new java.util.HashMap<>();
        for (int w = 0; w < windows.size(); w++) {
            for (int index : windows.get(w)) {
                bySentence.put(index, found.get(w));
            }
        }
        heard.forEach((key, acc) -> {
            if (acc.confidence() >= REPORT_THRESHOLD) {
                return;
            }
            double best = acc.sentences().stream().map(i -> bySentence.getOrDefault(i, Map.of()).getOrDefault(key.theme(), 0.0))
                    .max(Double::compare).orElse(0.0);
            if (best >= SemanticMatcher.THRESHOLD) {
                acc.addMeaning(Math.min(0.9, SEMANTIC_BASE + (best - SemanticMatcher.THRESHOLD) * 4));
            }
        });
    }

    /** Some themes are by nature the child's or the parent's; a theme about a baby's feelings is reported as the parent's experience. */
    private static Person settle(Theme theme, Person person) {
        return switch (theme) {
            case INFANT_CRYING -> Person.CHILD;
            case BONDING_DIFFICULTY, REGRET_OR_REJECTION, PARENTAL_GUILT -> person == Person.CHILD ? Person.WRITER : person;
            case SEPARATION_DISTRESS -> person;
            default -> person == Person.CHILD ? null : person;
        };
    }

    static Subject subject(List<ThemeFinding> findings) {
        RiskLevel writer = RiskLevel.NONE;
        RiskLevel partner = RiskLevel.NONE;
        boolean child = false;
        for (ThemeFinding f : findings) {
            RiskLevel level = RiskPolicy.levelOf(f.theme());
            switch (f.person()) {
                case WRITER -> writer = writer.max(level);
                case PARTNER -> partner = partner.max(level);
                case CHILD -> child = true;
                default -> {
                }
            }
        }
        if (writer == RiskLevel.NONE && partner == RiskLevel.NONE) {
            return child ? Subject.CHILD : Subject.UNKNOWN;
        }
        if (partner.compareTo(writer) > 0) {
            return Subject.PARTNER;
        }
        if (writer.compareTo(partner) > 0) {
            return Subject.WRITER;
        }
        return Subject.BOTH;
    }

    private static final Pattern EXPERIENCER = Pattern.compile(
            "\\b(?:(i|i'm|im|i've|ive|i'd|me|my|myself|we|our|us|he|she|him|her|his|hers|himself|herself|husband|wife|partner|dh|dw|boyfriend|girlfriend|daughter|son|friend|sister|brother|mum|mom|dad|they|them|baby)|(you|your|yourself|you're|youre|youd|you'd|u|ur))\\b");

    /**
     * Advice and talk about suicide in general ("killing yourself will leave your family devastated",
     * "suicide just transfers your pain") is not anyone's own sign: the sign needs someone who has it,
     * and the nearest one named must not be the reader being spoken to.
     */
    static boolean addressedToReader(String s, int start, int end) {
        Matcher m = EXPERIENCER.matcher(s);
        String nearest = null;
        boolean anyone = false;
        while (m.find()) {
            if (m.start() >= end) {
                break;
            }
            anyone = true;
            nearest = m.group(2) != null ? "you" : "someone";
        }
        if (!anyone) {
            Matcher after = EXPERIENCER.matcher(s);
            if (after.find(end)) {
                return after.group(2) != null;
            }
            // Nobody named at all: texting drops the "I" ("havent slept in 5 days"), so it is the writer's.
            return false;
        }
        return "you".equals(nearest);
    }

    private boolean any(String marker, String s) {
        for (Lexicon.Rule rule : lexicon.marker(marker)) {
            if (rule.mayMatch(s) && rule.pattern().matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /** Blanks out idioms ("this baby is killing me") without changing the length, so offsets still hold. */
    private String mask(String s) {
        String out = s;
        for (Lexicon.Rule rule : lexicon.marker("mask")) {
            if (!rule.mayMatch(out)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(out);
            if (m.find()) {
                StringBuilder b = new StringBuilder(out);
                do {
                    for (int i = m.start(); i < m.end(); i++) {
                        b.setCharAt(i, ' ');
                    }
                } while (m.find());
                out = b.toString();
            }
        }
        return out;
    }

    /** A negation among the few words before the phrase, in the same clause, that is not a hedge ("I don't know why"). */
    static boolean negated(String s, int at) {
        int from = Math.max(0, at - 40);
        String window = s.substring(from, at);
        Matcher breaks = CLAUSE_BREAK.matcher(window);
        int clauseStart = 0;
        while (breaks.find()) {
            clauseStart = breaks.end();
        }
        window = window.substring(clauseStart);
        String[] words = window.strip().split("\\s+");
        int keep = Math.min(words.length, 5);
        String near = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - keep, words.length));
        return NEGATION.matcher(near).find() && !HEDGE.matcher(near).find();
    }

    private static final Pattern CRYING_WORD = Pattern.compile("(?:cry|cries|cried|crying|scream|screams|screamed|screaming|sob|sobbing|sobbed|wail|wailing)\\b");
    private static final Pattern CLAUSE_SUBJECT = Pattern.compile(
            "\\b(?:(i|i'm|im|i am|i've|ive|i'd|id)|he|she|they|baby|lo|him|her|them|it|son|daughter|boy|girl|toddler|twins?)\\b");

    /** "I cry in the car", "I'm so tired I cry at everything": the nearest subject in the clause is the writer. */
    private static boolean writerIsTheOneCrying(String s, int at) {
        String before = s.substring(Math.max(0, at - 60), at);
        Matcher breaks = CLAUSE_BREAK.matcher(before);
        int clauseStart = 0;
        while (breaks.find()) {
            clauseStart = breaks.end();
        }
        Matcher m = CLAUSE_SUBJECT.matcher(before.substring(clauseStart));
        boolean writer = false;
        while (m.find()) {
            writer = m.group(1) != null;
        }
        return writer;
    }

    /** Where the last word of a match begins: a sign spread over sentences is also undone by "I never leave the engine on". */
    private static int lastWordStart(String s, int end) {
        int i = end;
        while (i > 0 && !Character.isLetterOrDigit(s.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private record Key(Theme theme, Person person) {
    }

    /**
     * A sentence read together with the ones just before it, joined by " / " so a rule can tell
     * where one ends. Quoted sentences stay out: another parent's words are not the writer's sign.
     */
    private static final class Window {
        final int span;
        final String text;
        final int currentFrom;
        private final int[] starts;
        private final int[] indexes;

        private Window(int span, String text, int currentFrom, int[] starts, int[] indexes) {
            this.span = span;
            this.text = text;
            this.currentFrom = currentFrom;
            this.starts = starts;
            this.indexes = indexes;
        }

        static Window of(String[] masked, int index, int span, List<Sentence> sentences) {
            int from = index;
            while (from > 0 && index - from + 1 < span && !sentences.get(from - 1).quoted() && !sentences.get(index).quoted()) {
                from--;
            }
            StringBuilder b = new StringBuilder();
            int[] starts = new int[index - from + 1];
            int[] indexes = new int[index - from + 1];
            for (int i = from; i <= index; i++) {
                if (b.length() > 0) {
                    b.append(" / ");
                }
                starts[i - from] = b.length();
                indexes[i - from] = i;
                b.append(masked[i]);
            }
            return new Window(span, b.toString(), starts[starts.length - 1], starts, indexes);
        }

        /** The index of the sentence a position in the joined text belongs to. */
        int sentenceAt(int position) {
            int found = indexes[0];
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] <= position) {
                    found = indexes[i];
                }
            }
            return found;
        }
    }

    private static final class Accumulator {
        private double remaining = 1.0;
        private final List<Evidence> evidence = new ArrayList<>();
        private final java.util.Set<String> counted = new java.util.HashSet<>();
        private final java.util.Set<Integer> sentences = new java.util.TreeSet<>();

        java.util.Set<Integer> sentences() {
            return sentences;
        }

        void add(Lexicon.Rule rule, Sentence sentence, int index) {
            sentences.add(index);
            // One rule counts once per sentence; the same sentence found by several rules counts each rule.
            if (counted.add(rule.line() + "@" + sentence.field() + sentence.start())) {
                remaining *= (1 - rule.weight());
            }
            Evidence e = sentence.evidence();
            if (!evidence.contains(e) && evidence.size() < MAX_EVIDENCE) {
                evidence.add(e);
            }
        }

        void addMeaning(double weight) {
            if (counted.add("meaning")) {
                remaining *= (1 - weight);
            }
        }

        void addHopelessness(Evidence e) {
            if (counted.add("hopeless")) {
                remaining *= 0.3;
            }
            if (!evidence.contains(e) && evidence.size() < MAX_EVIDENCE) {
                evidence.add(e);
            }
        }

        double confidence() {
            return 1 - remaining;
        }

        List<Evidence> evidence() {
            return List.copyOf(evidence);
        }
    }
}
