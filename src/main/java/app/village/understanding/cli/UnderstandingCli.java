package app.village.understanding.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import app.village.understanding.Analyzer;
import app.village.understanding.Insight;
import app.village.understanding.InsightJson;
import app.village.understanding.RiskReason;
import app.village.understanding.ThemeFinding;
import app.village.understanding.core.HybridAnalyzer;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.RuleAnalyzer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./village analyze [--explain] FILE...} and {@code ./village eval FILE.jsonl}. Runs
 * without the web application or the database: the analysis needs neither.
 */
public final class UnderstandingCli {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UnderstandingCli() {
    }

    /** Returns the exit status: 0 when everything was read, 1 when something failed, 2 for a usage error. */
    public static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        if (command.equals("bench")) {
            try {
                return Bench.run(args, out, err);
            } catch (Exception e) {
                err.println("bench failed: " + e);
                return 1;
            }
        }
        if (command.equals("train")) {
            return app.village.understanding.train.TrainCommand.run(args, true, out, err);
        }
        if (command.equals("eval") && args.contains("--cv")) {
            return app.village.understanding.train.TrainCommand.run(args, false, out, err);
        }
        if (command.equals("eval") && args.contains("--cssrs")) {
            return CssrsMeasure.run(args.stream().filter(a -> !a.startsWith("--")).toList(),
                    analyzer(args), out, err);
        }
        if (command.equals("eval") && args.contains("--annotated")) {
            return measureAnnotated(args, out, err);
        }
        boolean explain = args.contains("--explain");
        boolean misses = args.contains("--misses");
        List<Path> files = args.stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
        if (files.isEmpty()) {
            err.println("Usage: ./village analyze [--explain] FILE...   (.txt: one text; .jsonl: {\"id\",\"text\"} per line)");
            err.println("       ./village eval [--misses] FILE.jsonl   (lines with \"expected\" labels, as the development set)");
            err.println("       ./village eval --cssrs FILE.jsonl       (the C-SSRS corpus: each user's posts joined as one text)");
            err.println("       ./village eval --annotated DIR          (an annotated folder: measuring/understanding)");
            err.println("       --lexicon: the lexicon unchecked by the learned readers; --learned: the readers alone; --rules-only: no model");
            return 2;
        }
        List<String> errors = new ArrayList<>();
        List<InputText> texts = InputReader.read(files, e -> {
            errors.add(e);
            err.println(e);
        });
        Analyzer analyzer = analyzer(args);
        if (command.equals("eval")) {
            Evaluation evaluation = new Evaluation();
            for (InputText t : texts) {
                if (t.expected() == null) {
                    err.println(t.source() + ": no \"expected\" labels, not evaluated");
                    errors.add(t.source());
                    continue;
                }
                evaluation.add(t.id(), analyzer.analyze(t.text()), t.expected());
            }
            out.print(evaluation.report());
            if (misses) {
                out.println("\nrisk misses:");
                evaluation.riskMisses().forEach(m -> out.println("  " + m.id() + ": labelled " + m.expected() + ", analysed " + m.actual() + "  " + m.detail()));
                out.println("\ntheme misses:");
                evaluation.themeMisses().forEach(m -> out.println("  " + m.id() + ": " + m.detail() + " " + (m.expected().equals("-") ? m.actual() : m.expected())));
            }
            return errors.isEmpty() ? 0 : 1;
        }
        for (InputText t : texts) {
            try {
                if (explain && analyzer instanceof LearnedAnalyzer learned) {
                    LearnedAnalyzer.Reading reading = learned.read(t.text());
                    out.println(explain(t.id(), reading.insight()) + sentenceScores(reading));
                    continue;
                }
                if (explain && analyzer instanceof HybridAnalyzer hybrid) {
                    HybridAnalyzer.Reading reading = hybrid.read(t.text());
                    out.println(explain(t.id(), reading.insight()) + overruled(reading));
                    continue;
                }
                Insight insight = analyzer.analyze(t.text());
                out.println(explain ? explain(t.id(), insight) : JSON.writeValueAsString(InsightJson.of(t.id(), insight)));
            } catch (RuntimeException e) {
                errors.add(t.source());
                err.println(t.source() + ": could not be analysed (" + e.getClass().getSimpleName() + ")");
            }
        }
        return errors.isEmpty() ? 0 : 1;
    }

    /** {@code eval --annotated DIR}: the analyser against an annotated folder's labels (the measuring set, never trained on). */
    private static int measureAnnotated(List<String> args, PrintStream out, PrintStream err) {
        int at = args.indexOf("--annotated");
        if (at + 1 >= args.size()) {
            err.println("--annotated takes a folder: ./village eval --annotated measuring/understanding");
            return 2;
        }
        List<app.village.understanding.train.TrainCommand.Labelled> texts;
        try {
            texts = app.village.understanding.train.TrainCommand.annotated(Path.of(args.get(at + 1)));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        Analyzer analyzer = analyzer(args);
        Evaluation evaluation = new Evaluation();
        Evaluation.ByRole byRole = new Evaluation.ByRole();
        texts.forEach(t -> {
            Insight insight = analyzer.analyze(t.text());
            evaluation.add(t.id(), insight, t.expected());
            byRole.add(t.id(), insight, t.expected());
        });
        out.print(evaluation.report());
        out.print(byRole.report());
        if (args.contains("--misses")) {
            out.println("\nrisk misses:");
            evaluation.riskMisses().forEach(m -> out.println("  " + m.id() + ": labelled " + m.expected() + ", analysed " + m.actual()));
            out.println("\ntheme misses:");
            evaluation.themeMisses().forEach(m -> out.println("  " + m.id() + ": " + m.detail() + " " + (m.expected().equals("-") ? m.actual() : m.expected())));
        }
        return 0;
    }

    /**
     * The analyser Village uses (the lexicon checked by the learned readers); the lexicon with the
     * encoder but unchecked with {@code --lexicon}; the rules alone with {@code --rules-only}; the
     * learned readers alone with {@code --learned}.
     */
    private static Analyzer analyzer(List<String> args) {
        if (args.contains("--learned")) {
            return app.village.understanding.Analyzers.learned(Runtime.getRuntime().availableProcessors());
        }
        if (args.contains("--lexicon")) {
            return app.village.understanding.Analyzers.lexicon(Runtime.getRuntime().availableProcessors());
        }
        return args.contains("--rules-only") ? new RuleAnalyzer()
                : app.village.understanding.Analyzers.standard(Runtime.getRuntime().availableProcessors());
    }

    static String explain(String id, Insight insight) {
        StringBuilder b = new StringBuilder();
        b.append("== ").append(id).append('\n');
        b.append("Risk: ").append(insight.riskLevel().code().toUpperCase());
        if (!insight.riskReasons().isEmpty()) {
            b.append(" because of:\n");
            for (RiskReason r : insight.riskReasons()) {
                b.append("  - ").append(r.code()).append(" (").append(r.person().code()).append("): \"")
                        .append(r.evidence().text()).append("\"\n");
            }
        } else {
            b.append('\n');
        }
        b.append("Writer: ").append(insight.writerRole().code()).append(insight.writerRoleGiven() ? " (given)" : " (read from the text)")
                .append("; mainly about: ").append(insight.subject().code()).append('\n');
        b.append("Child's age: ").append(insight.childAgeMonths() == null ? "not stated" : insight.childAgeMonths() + " months"
                + (insight.childAgeEvidence() == null ? " (given)" : " (\"" + insight.childAgeEvidence().text() + "\")")).append('\n');
        b.append("Themes heard:\n");
        if (insight.themes().isEmpty()) {
            b.append("  none\n");
        }
        for (ThemeFinding f : insight.themes()) {
            b.append(String.format("  - %s (%s, %s, confidence %.2f)%n", f.theme().code(), f.theme().plainWords(), f.person().code(), f.confidence()));
            f.evidence().forEach(e -> b.append("      \"").append(e.text()).append("\" [").append(e.start()).append('-').append(e.end()).append("]\n"));
        }
        return b.toString();
    }

    /** Below this, a theme's probability for a sentence is not worth showing. */
    private static final double SHOWN = 0.15;

    /** What the lexicon heard that the learned readers overruled, with the post's probability against the theme's veto. */
    static String overruled(HybridAnalyzer.Reading reading) {
        StringBuilder b = new StringBuilder();
        List<app.village.understanding.ThemeFinding> overruled = reading.overruled();
        b.append(overruled.isEmpty() ? "Overruled by the learned readers: nothing\n"
                : "Heard by the lexicon but overruled by the learned readers (the whole post's probability, under the theme's veto):\n");
        for (app.village.understanding.ThemeFinding f : overruled) {
            b.append(String.format("  - %s (%s): %.2f < %.2f, \"%s\"%n", f.theme().code(), f.person().code(),
                    reading.posts().getOrDefault(f.theme(), 0.0), reading.vetoes().get(f.theme()), f.evidence().get(0).text()));
        }
        return b.toString();
    }

    /** Every sentence with the themes its readers gave at least {@link #SHOWN}, so a judgement can be traced to its sentences. */
    static String sentenceScores(LearnedAnalyzer.Reading reading) {
        StringBuilder b = new StringBuilder("The whole post (probability per theme): ");
        b.append(reading.posts().entrySet().stream().filter(e -> e.getValue() >= SHOWN)
                .sorted(java.util.Map.Entry.<app.village.understanding.Theme, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f", e.getKey().code(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", "", "\n")));
        b.append("Sentence by sentence (probability per theme):\n");
        for (LearnedAnalyzer.SentenceScores s : reading.sentences()) {
            String shown = s.probabilities().entrySet().stream().filter(e -> e.getValue() >= SHOWN)
                    .sorted(java.util.Map.Entry.<app.village.understanding.Theme, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.2f", e.getKey().code(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
            String text = s.sentence().text().length() > 90 ? s.sentence().text().substring(0, 87) + "..." : s.sentence().text();
            b.append(String.format("  [%s %d-%d] \"%s\"%s%n", s.sentence().field(), s.sentence().start(), s.sentence().end(), text,
                    shown.isEmpty() ? "" : "\n      " + shown));
        }
        return b.toString();
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "understanding/cli-logback.xml");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "analyze" : args[0];
        System.exit(run(command, List.of(args).subList(Math.min(1, args.length), args.length), out, err));
    }
}
