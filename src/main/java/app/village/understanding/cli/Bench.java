package app.village.understanding.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.village.understanding.Analyzer;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.core.HybridAnalyzer;
import app.village.understanding.core.ReaderModel;
import app.village.understanding.core.RuleAnalyzer;
import app.village.understanding.core.SemanticMatcher;
import app.village.understanding.model.MiniLmEmbedder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./village bench [CORPUS.jsonl]}: how fast the analysis is on this machine. Prints model
 * load time, throughput over the corpus, latency by text length, the raw embedding throughput of
 * the same model on the same texts (the floor the analysis is measured against) and peak memory.
 */
final class Bench {

    private static final int[] LENGTHS = {100, 300, 800, 2_000};
    private static final int LATENCY_RUNS = 60;

    private Bench() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path corpus = Path.of(args.stream().filter(a -> !a.startsWith("--")).findFirst()
                .orElse("../shared/corpus/parent-posts-reddit-2013.jsonl"));
        if (!Files.isReadable(corpus)) {
            err.println(corpus + ": cannot be read. Give the path of a .jsonl corpus with \"text\" (and \"title\") fields.");
            return 2;
        }
        List<TextToAnalyze> texts = load(corpus);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("corpus: %s (%d texts, %.0f words on average); %d cores; java %s%n", corpus, texts.size(),
                texts.stream().mapToInt(t -> words(t.text())).average().orElse(0), cores, Runtime.version());

        long t0 = System.nanoTime();
        MiniLmEmbedder embedder = new MiniLmEmbedder(1);
        SemanticMatcher matcher = new SemanticMatcher(embedder);
        out.printf("model load (ONNX session, tokenizer, %d example sentences): %.0f ms%n", matcher.examples(), (System.nanoTime() - t0) / 1e6);
        long t1 = System.nanoTime();
        ReaderModel readers = ReaderModel.shipped();
        // What Village reads posts with: the lexicon and the encoder's similarity, checked by the learned readers.
        Analyzer analyzer = new HybridAnalyzer(new RuleAnalyzer(matcher), readers, embedder);
        out.printf("learned readers load (%d features, %d readers): %.0f ms%n", readers.vocabulary().size(), readers.heads().size(),
                (System.nanoTime() - t1) / 1e6);

        // Warm up the JIT and ONNX Runtime on every path before measuring anything.
        RuleAnalyzer rulesOnly = new RuleAnalyzer();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < Math.min(150, texts.size()); i++) {
                analyzer.analyze(texts.get(i));
                rulesOnly.analyze(texts.get(i));
                embedder.embedWhole(texts.get(i).text());
            }
        }

        double raw = throughput(texts, cores, t -> embedder.embedWhole(t.text()));
        out.printf("raw embedding throughput (each whole text once, same model): %.1f texts/s%n", raw);
        double analysis = throughput(texts, cores, t -> analyzer.analyze(t));
        out.printf("analysis throughput: %.1f texts/s (%d worker threads)%n", analysis, cores);
        out.printf("ratio analysis / raw embedding: %.2f%n", analysis / raw);
        out.printf("lexicon alone (no model): %.1f texts/s%n", throughput(texts, cores, t -> rulesOnly.analyze(t)));
        out.printf("analysis throughput, measured again after more warm-up: %.1f texts/s%n", throughput(texts, cores, t -> analyzer.analyze(t)));

        Random random = new Random(42);
        List<String> sentences = sentences(texts);
        out.println("latency of one text, one thread at a time (ms):");
        out.printf("  %6s %8s %8s %8s%n", "words", "p50", "p99", "max");
        for (int length : LENGTHS) {
            double[] ms = new double[LATENCY_RUNS];
            for (int i = 0; i < LATENCY_RUNS; i++) {
                TextToAnalyze text = TextToAnalyze.of(compose(sentences, length, random));
                long s = System.nanoTime();
                analyzer.analyze(text);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            out.printf("  %6d %8.1f %8.1f %8.1f%n", length, ms[LATENCY_RUNS / 2], ms[(int) Math.ceil(LATENCY_RUNS * 0.99) - 1],
                    ms[LATENCY_RUNS - 1]);
        }
        out.printf("peak resident memory: %s; heap used now: %d MB%n", peakRss(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        embedder.close();
        return 0;
    }

    private interface Work {
        void run(TextToAnalyze text);
    }

    private static double throughput(List<TextToAnalyze> texts, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (TextToAnalyze t : texts) {
                futures.add(pool.submit(() -> work.run(t)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return texts.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<TextToAnalyze> load(Path corpus) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<TextToAnalyze> texts = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (node.hasNonNull("text")) {
                texts.add(new TextToAnalyze(node.get("text").asString(),
                        node.hasNonNull("title") ? node.get("title").asString() : null, null, null));
            }
        }
        return texts;
    }

    private static List<String> sentences(List<TextToAnalyze> texts) {
        List<String> out = new ArrayList<>();
        for (TextToAnalyze t : texts) {
            for (String s : t.text().split("(?<=[.!?])\\s+")) {
                if (s.length() > 20) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** A text of about {@code words} words made of corpus sentences in a random order. */
    static String compose(List<String> sentences, int words, Random random) {
        StringBuilder b = new StringBuilder();
        while (words(b.toString()) < words) {
            b.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
        }
        return b.toString().strip();
    }

    static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux: no figure.
        }
        return "unknown";
    }
}
