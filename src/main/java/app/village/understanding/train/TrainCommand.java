package app.village.understanding.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.village.understanding.TextToAnalyze;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.core.ReaderModel;
import app.village.understanding.core.RuleAnalyzer;
import app.village.understanding.core.TextEncoding;
import app.village.understanding.model.MiniLmEmbedder;

/**
 * {@code ./village train} and {@code ./village eval --cv K}: reads the annotated corpus, cross-
 * validates (thresholds chosen there), trains the readers on every annotated post with a fixed
 * seed and writes the model file the application ships.
 */
public final class TrainCommand {

    public static final Path DEFAULT_CORPUS = Path.of("training/understanding");
    public static final Path DEFAULT_OUTPUT = Path.of("src/main/resources").resolve(ReaderModel.RESOURCE);
    static final long SEED = 20261203L;
    static final String DEFAULT_ENCODER = "none";
    static final String DEFAULT_TEXT_SCALE = "4";
    static final String DEFAULT_SENTENCE_SCALE = "0";

    private TrainCommand() {
    }

    /** @param write false for {@code eval --cv}: figures only, no model file */
    public static int run(List<String> args, boolean write, PrintStream out, PrintStream err) {
        Path corpus = Path.of(option(args, "--annotations", DEFAULT_CORPUS.toString()));
        Path output = Path.of(option(args, "--out", DEFAULT_OUTPUT.toString()));
        int folds = Integer.parseInt(option(args, "--cv", "5"));
        if (folds < 2 || folds > 20) {
            err.println("--cv takes a number of folds from 2 to 20");
            return 2;
        }
        if (args.contains("--suggest")) {
            Path pool = Path.of(option(args, "--pool", "../shared/corpus/training-pool-reddit-2013.jsonl"));
            return ActiveLearning.suggest(pool, corpus, Integer.parseInt(option(args, "--suggest", "300")), ReaderModel.shipped(), out, err);
        }
        long started = System.nanoTime();
        List<AnnotatedText> texts;
        try {
            texts = AnnotatedCorpus.load(corpus);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        TextEncoding encoding;
        try {
            encoding = encoding(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        RuleAnalyzer lexicon = new RuleAnalyzer();
        TextEncoding reading = encoding;
        List<ReaderTrainer.Item> items = texts.parallelStream()
                .map(t -> new ReaderTrainer.Item(t, LearnedAnalyzer.prepare(new TextToAnalyze(t.text(), t.title(), null, null), lexicon, reading)))
                .toList();
        err.printf("read %d annotated posts from %s in %.1f s (encoder %s, text scale %s, sentence scale %s)%n", items.size(), corpus,
                (System.nanoTime() - started) / 1e9, encoding.name(), encoding.textScale(), encoding.sentenceScale());
        ReaderTrainer.Options options = ReaderTrainer.Options.standard(SEED);
        CrossValidation.Result cv = CrossValidation.run(items, folds, options);
        out.print(CrossValidation.report(cv, folds));
        if (!write) {
            return 0;
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("trained", LocalDate.now(ZoneOffset.UTC).toString());
        about.put("posts", String.valueOf(items.size()));
        about.put("seed", String.valueOf(SEED));
        about.put("annotations-sha256", digest(texts));
        about.put("cv-macro-f1", String.format("%.3f", cv.evaluation().macroF1()));
        encoding.describe(about);
        ReaderModel model = ReaderTrainer.train(items, cv.thresholds(), cv.floors(), options, about).withVetoes(cv.vetoes());
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (OutputStream o = Files.newOutputStream(output)) {
                model.write(o);
            }
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + e.getMessage());
            return 1;
        }
        out.printf("wrote %s (%d features, %d readers) in %.0f s%n", output, model.vocabulary().size(), model.heads().size(),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** A labelled text of an annotated folder, as {@code ./village eval --annotated DIR} measures it. */
    public record Labelled(String id, TextToAnalyze text, tools.jackson.databind.JsonNode expected) {
    }

    /**
     * The texts and labels of an annotated folder laid out as {@code training/understanding/}
     * (batches, annotations, adjudicated): the measuring set of {@code measuring/understanding/} too.
     *
     * @throws IllegalArgumentException when the annotations have problems, naming the first
     */
    public static List<Labelled> annotated(Path dir) {
        return AnnotatedCorpus.load(dir).stream()
                .map(t -> new Labelled(t.id(), new TextToAnalyze(t.text(), t.title(), null, null), t.expected())).toList();
    }

    /** The sentence encoder and its scales: {@code --encoder minilm|none}, {@code --text-scale}, {@code --sentence-scale}. */
    private static TextEncoding encoding(List<String> args) {
        String name = option(args, "--encoder", DEFAULT_ENCODER);
        if (name.equals(TextEncoding.NONE_NAME)) {
            return TextEncoding.NONE;
        }
        if (!name.equals("minilm")) {
            throw new IllegalArgumentException("--encoder takes minilm or none");
        }
        float text;
        float sentence;
        try {
            text = Float.parseFloat(option(args, "--text-scale", DEFAULT_TEXT_SCALE));
            sentence = Float.parseFloat(option(args, "--sentence-scale", DEFAULT_SENTENCE_SCALE));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--text-scale and --sentence-scale take numbers (0 leaves that side out)");
        }
        if (text < 0 || sentence < 0 || text > 100 || sentence > 100) {
            throw new IllegalArgumentException("--text-scale and --sentence-scale take numbers from 0 to 100");
        }
        return new TextEncoding(TextEncoding.MINILM, new MiniLmEmbedder(1), text, sentence);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private static String digest(List<AnnotatedText> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.stream().map(t -> t.id() + t.expected().toString()).sorted().forEach(s -> sha.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
