package app.village.discovery.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import app.village.discovery.index.Fusion;
import app.village.discovery.index.IndexedStory;
import app.village.discovery.index.StoryHit;
import app.village.discovery.index.StoryIndex;
import app.village.understanding.Embeddings;
import app.village.understanding.TextEmbedder;
import app.village.understanding.Theme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./village bench discovery [CORPUS.jsonl] [--posts N] [--queries N] [--seed N]}: the story
 * index at scale on this machine. Generates posts by recombining the corpus's sentences (the same
 * seed gives the same posts), files them, and measures rebuild throughput, similar-stories and
 * search latency, how well each ranking finds a story's near-duplicate, memory and size on disk.
 *
 * <p>Embedding 100,000 whole texts would take most of an hour on 2 cores, so each distinct
 * sentence is embedded once and a post's vector is the normalised mean of its title's and
 * sentences' vectors. The whole-text embedding the application uses is measured on a sample and
 * the rebuild throughput it implies is printed too.
 */
public final class DiscoveryBench {

    private static final String[] ROLES = {"mother", "mother", "mother", "father", "father", "partner", "other_carer"};
    private static final int DUPLICATES = 200;
    private static final int WHOLE_TEXT_SAMPLE = 120;

    private DiscoveryBench() {
    }

    record Generated(IndexedStory story, int[] sentences, int title) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path corpus = Path.of(positional(args).orElse("../shared/corpus/parent-posts-reddit-2013.jsonl"));
        int posts = option(args, "--posts", 100_000);
        int queries = option(args, "--queries", 1_000);
        long seed = option(args, "--seed", 42);
        if (!Files.isReadable(corpus)) {
            err.println(corpus + ": cannot be read. Give the path of a .jsonl corpus with \"text\" (and \"title\") fields.");
            return 2;
        }
        if (posts < 1_000 || queries < 10) {
            err.println("Use at least --posts 1000 and --queries 10.");
            return 2;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> titles = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        load(corpus, titles, sentences);
        out.printf("corpus: %s (%d titles, %d distinct sentences); %d posts to generate, seed %d; %d cores; java %s; vector API: %s%n",
                corpus, titles.size(), sentences.size(), posts, seed, cores, Runtime.version(),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off (add --add-modules jdk.incubator.vector)");

        long t0 = System.nanoTime();
        TextEmbedder embedder = Embeddings.miniLm(1);
        embedder.embed("warm up");
        out.printf("model load: %.0f ms%n", ms(t0));

        t0 = System.nanoTime();
        float[][] sentenceVectors = embedAll(embedder, sentences, cores);
        float[][] titleVectors = embedAll(embedder, titles, cores);
        double sentenceSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("embedded %d distinct sentences and titles once: %.1f s (%.0f per s)%n", sentences.size() + titles.size(),
                sentenceSeconds, (sentences.size() + titles.size()) / sentenceSeconds);

        Random random = new Random(seed);
        List<Generated> generated = new ArrayList<>(posts);
        UUID[] authors = new UUID[Math.max(1, posts / 5)];
        for (int i = 0; i < authors.length; i++) {
            authors[i] = new UUID(seed, i);
        }
        for (int i = 0; i < posts; i++) {
            int[] chosen = random.ints(3 + random.nextInt(10), 0, sentences.size()).toArray();
            generated.add(post(i, chosen, random.nextInt(titles.size()), authors[random.nextInt(authors.length)], random,
                    sentences, titles, sentenceVectors, titleVectors));
        }

        // What the application does on a rebuild: each whole text through the model.
        t0 = System.nanoTime();
        parallel(generated.subList(0, WHOLE_TEXT_SAMPLE), cores, g -> embedder.embed(IndexedStory.text(g.story().title(), g.story().body())));
        double wholeTextRate = WHOLE_TEXT_SAMPLE / ((System.nanoTime() - t0) / 1e9);
        out.printf("whole-text embedding as the application does it: %.1f posts/s (sample of %d, %d threads)%n",
                wholeTextRate, WHOLE_TEXT_SAMPLE, cores);

        Path folder = Files.createTempDirectory("village-bench-index");
        try {
            StoryIndex index = StoryIndex.open(folder);
            t0 = System.nanoTime();
            parallel(generated, cores, g -> index.putWithoutPublishing(g.story()));
            index.publish();
            int segments = index.segments();
            double filedSeconds = (System.nanoTime() - t0) / 1e9;
            index.compact();
            double indexSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf("indexed %d posts (words, vectors, filters): %.1f s, then merged %d segments into one: %.1f s; "
                    + "%.0f posts/s in all%n", posts, filedSeconds, segments, indexSeconds - filedSeconds, posts / indexSeconds);
            out.printf("full rebuild throughput with the sentence cache of this bench: %.0f posts/s (%.1f s)%n",
                    posts / (indexSeconds + sentenceSeconds), indexSeconds + sentenceSeconds);
            out.printf("full rebuild throughput with whole-text embedding (the application's): %.1f posts/s, so %.0f min for %d posts%n",
                    1 / (1 / wholeTextRate + indexSeconds / posts), (posts / wholeTextRate + indexSeconds) / 60, posts);

            List<UUID> originals = new ArrayList<>();
            List<Pair> lightPairs = new ArrayList<>();
            List<Pair> heavyPairs = new ArrayList<>();
            for (int d = 0; d < DUPLICATES; d++) {
                Generated original = generated.get(random.nextInt(generated.size()));
                if (!original.story().listed() || original.sentences().length < 4 || originals.contains(original.story().id())) {
                    continue;
                }
                originals.add(original.story().id());
                // Both rewrites share a writer, left out of each other's answers: each must find the original, not its sibling.
                UUID rewriter = new UUID(-1, d);
                lightPairs.add(new Pair(duplicate(index, original, false, rewriter, random, posts + 2 * d, sentences, titles,
                        sentenceVectors, titleVectors), original.story().id(), rewriter));
                heavyPairs.add(new Pair(duplicate(index, original, true, rewriter, random, posts + 2 * d + 1, sentences, titles,
                        sentenceVectors, titleVectors), original.story().id(), rewriter));
            }
            index.publish();
            out.printf("near-duplicate found first (%d pairs) - light: one sentence dropped, two swapped; heavy: half the sentences "
                    + "replaced and a new title%n", lightPairs.size());
            out.printf("  %-9s %8s %8s%n", "ranking", "light", "heavy");
            for (Fusion fusion : Fusion.values()) {
                out.printf("  %-9s %7.1f%% %7.1f%%%n", fusion.name().toLowerCase(), firstRate(index, lightPairs, fusion),
                        firstRate(index, heavyPairs, fusion));
            }

            List<Pair> paraphrases = paraphrases(index, embedder, posts + 2 * DUPLICATES);
            index.publish();
            out.printf("paraphrase found first / in the first 5 (%d stories written for Village, each with its pair told in other "
                    + "words, among the generated posts)%n", paraphrases.size());
            out.printf("  %-9s %8s %8s%n", "ranking", "first", "top 5");
            for (Fusion fusion : Fusion.values()) {
                out.printf("  %-9s %7.1f%% %7.1f%%%n", fusion.name().toLowerCase(), firstRate(index, paraphrases, fusion),
                        topRate(index, paraphrases, fusion, 5));
            }

            // Warm-up, then measure.
            List<Generated> listed = generated.stream().filter(g -> g.story().listed()).toList();
            // Every ranking's code paths warmed up alike, as in a server that has been running for a while.
            for (int i = 0; i < 900; i++) {
                Generated g = listed.get(random.nextInt(listed.size()));
                index.similar(g.story().id(), Set.of(g.story().authorId()), 5, Fusion.values()[i % Fusion.values().length]);
            }
            for (Fusion fusion : new Fusion[] {Fusion.WEIGHTED, Fusion.RRF, Fusion.VECTOR}) {
                double[] latency = new double[queries];
                int empty = 0;
                for (int i = 0; i < queries; i++) {
                    Generated g = listed.get(random.nextInt(listed.size()));
                    long s = System.nanoTime();
                    List<StoryHit> hits = index.similar(g.story().id(), Set.of(g.story().authorId()), 5, fusion);
                    latency[i] = ms(s);
                    empty += hits.isEmpty() ? 1 : 0;
                }
                out.printf("similar stories (%s, 5 asked, same writer left out), %d queries: %s; %d answered nothing%n",
                        fusion.name().toLowerCase(), queries, percentiles(latency), empty);
            }
            double[] search = new double[Math.min(queries, 300)];
            for (int i = 0; i < search.length; i++) {
                String words = phrase(sentences.get(random.nextInt(sentences.size())), random);
                Set<String> theme = random.nextBoolean() ? Set.of(Theme.values()[random.nextInt(Theme.values().length)].code()) : Set.of();
                long s = System.nanoTime();
                index.search(words, embedder.embed(words), new StoryIndex.Filters(theme, 0, 24, null, Set.of()), 0, 20, Fusion.WEIGHTED);
                search[i] = ms(s);
            }
            out.printf("search by a few words (weighted; their embedding included), child 0-24 months, half with a theme, %d queries: %s%n",
                    search.length, percentiles(search));

            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            out.printf("memory: heap in use after GC %d MB (the generated posts and their vectors included); max heap %d MB; "
                    + "resident now %s, peak %s%n", heap, Runtime.getRuntime().maxMemory() / (1024 * 1024), status("VmRSS:"), status("VmHWM:"));
            out.printf("index on disk: %.1f MB for %d stories%n", index.sizeOnDisk() / 1e6, index.size());
            t0 = System.nanoTime();
            index.close();
            StoryIndex reopened = StoryIndex.open(folder);
            out.printf("closed and reopened: %d stories, in %.0f ms; first similar-stories query after reopening %.1f ms%n",
                    reopened.size(), ms(t0), timeOne(reopened, listed.get(0)));
            reopened.close();
        } finally {
            deleteFolder(folder);
        }
        out.println("gc: " + ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName() + " " + b.getCollectionCount() + "x "
                + b.getCollectionTime() + " ms").toList());
        return 0;
    }

    private static double timeOne(StoryIndex index, Generated g) {
        long s = System.nanoTime();
        index.similar(g.story().id(), Set.of(g.story().authorId()), 5, Fusion.WEIGHTED);
        return ms(s);
    }

    record Pair(UUID duplicate, UUID original, UUID writer) {
    }

    private static double firstRate(StoryIndex index, List<Pair> pairs, Fusion fusion) {
        return topRate(index, pairs, fusion, 1);
    }

    private static double topRate(StoryIndex index, List<Pair> pairs, Fusion fusion, int top) {
        int found = 0;
        for (Pair pair : pairs) {
            List<StoryHit> hits = index.similar(pair.duplicate(), Set.of(pair.writer()), top, fusion);
            found += hits.stream().anyMatch(h -> h.id().equals(pair.original())) ? 1 : 0;
        }
        return 100.0 * found / pairs.size();
    }

    /** Embedded as the generated posts are (mean of sentence vectors), so that no story stands out by how it was embedded. */
    private static float[] sentenceMean(TextEmbedder embedder, String text) {
        float[] mean = new float[StoryIndex.DIMENSIONS];
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            float[] v = embedder.embed(sentence);
            for (int k = 0; k < mean.length; k++) {
                mean[k] += v[k];
            }
        }
        return normalise(mean);
    }

    /** The paraphrase pairs, filed among the generated posts; each story asks for its pair (both ways). */
    private static List<Pair> paraphrases(StoryIndex index, TextEmbedder embedder, int firstNumber) throws IOException {
        List<List<String>> pairs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        try (var in = DiscoveryBench.class.getResourceAsStream("/discovery/paraphrases.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (current.size() == 2) {
                        pairs.add(current);
                    }
                    current = new ArrayList<>();
                } else {
                    current.add(line.strip());
                }
            }
        }
        if (current.size() == 2) {
            pairs.add(current);
        }
        List<Pair> out = new ArrayList<>();
        int number = firstNumber;
        for (List<String> pair : pairs) {
            UUID a = new UUID(0xabcd, number++);
            UUID b = new UUID(0xabcd, number++);
            UUID writerA = new UUID(-2, number);
            UUID writerB = new UUID(-3, number);
            index.putWithoutPublishing(new IndexedStory(a, writerA, "", pair.get(0), null, "mother", true, List.of(),
                    Instant.EPOCH, 0, sentenceMean(embedder, pair.get(0))));
            index.putWithoutPublishing(new IndexedStory(b, writerB, "", pair.get(1), null, "mother", true, List.of(),
                    Instant.EPOCH, 0, sentenceMean(embedder, pair.get(1))));
            out.add(new Pair(a, b, writerA));
            out.add(new Pair(b, a, writerB));
        }
        return out;
    }

    /** A rewrite of a post by another writer, filed in the index; returns its id. */
    private static UUID duplicate(StoryIndex index, Generated original, boolean heavy, UUID writer, Random random, int number,
                                  List<String> sentences, List<String> titles, float[][] sentenceVectors, float[][] titleVectors) {
        List<Integer> kept = new ArrayList<>(Arrays.stream(original.sentences()).boxed().toList());
        int title = original.title();
        if (heavy) {
            for (int i = 0; i < kept.size(); i += 2) {
                kept.set(i, random.nextInt(sentences.size()));
            }
            title = random.nextInt(titles.size());
        } else {
            kept.remove(random.nextInt(kept.size()));
            int a = random.nextInt(kept.size());
            int b = random.nextInt(kept.size());
            Integer x = kept.get(a);
            kept.set(a, kept.get(b));
            kept.set(b, x);
        }
        Generated copy = post(number, kept.stream().mapToInt(Integer::intValue).toArray(), title, writer, random,
                sentences, titles, sentenceVectors, titleVectors);
        index.putWithoutPublishing(new IndexedStory(copy.story().id(), copy.story().authorId(), copy.story().title(),
                copy.story().body(), copy.story().childAgeMonths(), copy.story().role(), true, copy.story().themes(),
                copy.story().publishedAt(), 0, copy.story().vector()));
        return copy.story().id();
    }

    private static Generated post(int number, int[] chosen, int title, UUID author, Random random, List<String> sentences,
                                  List<String> titles, float[][] sentenceVectors, float[][] titleVectors) {
        StringBuilder body = new StringBuilder();
        float[] mean = titleVectors[title].clone();
        for (int s : chosen) {
            body.append(sentences.get(s)).append(random.nextInt(4) == 0 ? "\n\n" : " ");
            float[] v = sentenceVectors[s];
            for (int k = 0; k < mean.length; k++) {
                mean[k] += v[k];
            }
        }
        Set<String> themes = new LinkedHashSet<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            themes.add(Theme.values()[random.nextInt(Theme.values().length)].code());
        }
        IndexedStory story = new IndexedStory(new UUID(0x5eed, number), author, titles.get(title), body.toString().strip(),
                random.nextInt(10) == 0 ? null : random.nextInt(37), ROLES[random.nextInt(ROLES.length)], random.nextInt(20) != 0,
                List.copyOf(themes), Instant.ofEpochSecond(1_700_000_000L + number * 60L), 0, normalise(mean));
        return new Generated(story, chosen, title);
    }

    /** Three to six words from a sentence, as a person might type them. */
    private static String phrase(String sentence, Random random) {
        String[] words = sentence.split("\\s+");
        int n = Math.min(words.length, 3 + random.nextInt(4));
        int start = random.nextInt(Math.max(1, words.length - n + 1));
        return String.join(" ", Arrays.copyOfRange(words, start, start + n));
    }

    private static float[][] embedAll(TextEmbedder embedder, List<String> texts, int threads) throws Exception {
        float[][] out = new float[texts.size()][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> out[n] = embedder.embed(texts.get(n))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private interface Work {
        void run(Generated g);
    }

    private static void parallel(List<Generated> items, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, items.size() / (threads * 8));
            for (int from = 0; from < items.size(); from += chunk) {
                List<Generated> part = items.subList(from, Math.min(items.size(), from + chunk));
                futures.add(pool.submit(() -> part.forEach(work::run)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void load(Path corpus, List<String> titles, List<String> sentences) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> distinct = new LinkedHashSet<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (node.hasNonNull("title")) {
                titles.add(node.get("title").asString());
            }
            if (node.hasNonNull("text")) {
                for (String s : node.get("text").asString().split("(?<=[.!?])\\s+")) {
                    if (s.strip().length() > 20) {
                        distinct.add(s.strip());
                    }
                }
            }
        }
        sentences.addAll(distinct);
        if (titles.isEmpty()) {
            titles.add("A story");
        }
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static String percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux: no figure.
        }
        return "unknown";
    }

    private static java.util.Optional<String> positional(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--")) {
                i++;
            } else {
                return java.util.Optional.of(args.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    private static int option(List<String> args, String name, int otherwise) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(args.get(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number");
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
