package app.village.discovery.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of stories: words (English analyser, BM25), meaning (HNSW graph of unit
 * vectors) and the fields stories are filtered by. Plain Java, no Spring, so the benchmark runs
 * the same code as the application. Thread-safe: one writer, searchers refreshed after each change
 * so a removed story is gone from the very next answer.
 */
public final class StoryIndex implements AutoCloseable {

    public static final int DIMENSIONS = 384;
    /** How many candidates each ranking offers to the fusion. */
    static final int CANDIDATES = 50;
    /** Below this cosine similarity of meaning, a story is not "something like this" (MiniLM: unrelated texts score 0.0-0.2). */
    public static final double MIN_SIMILARITY = 0.30;
    /**
     * A search's few words are compared with whole stories; measured on the team's own test stories,
     * related ones score 0.5-0.7 and loosely related ones 0.3-0.4, so meaning alone must reach this.
     */
    public static final double MIN_QUERY_SIMILARITY = 0.40;
    static final int EXCERPT_CHARS = 240;

    static final String ID = "id";
    static final String AUTHOR = "author";
    static final String VISIBILITY = "visibility";
    static final String ROLE = "role";
    static final String THEME = "theme";
    static final String AGE = "age";
    static final String PUBLISHED = "published";
    static final String VERSION = "version";
    static final String TITLE = "title";
    static final String EXCERPT = "excerpt";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String COMMUNITY = "community";
    static final String WITHHELD = "withheld";

    private static final Logger log = LoggerFactory.getLogger(StoryIndex.class);

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final java.util.concurrent.locks.ReadWriteLock lifecycle = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;
    private final SearcherManager searchers;

    private StoryIndex(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        this.writer = openWriter(directory, analyzer, path);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in this folder, creating it when missing; an unreadable index is set aside and started afresh (rebuild fills it). */
    public static StoryIndex open(Path path) {
        try {
            return new StoryIndex(path);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IndexBusyException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The story index at " + path + " cannot be opened", e);
        }
    }

    /** Another process (a running Village on the same data directory) holds the index. */
    public static final class IndexBusyException extends IllegalStateException {
        IndexBusyException(Path path) {
            super("The story index at " + path + " is in use by another Village process on the same data directory. "
                    + "Stop it first, or use another VILLAGE_DATA_DIR.");
        }
    }

    private static IndexWriter openWriter(Directory directory, Analyzer analyzer, Path path) throws IOException {
        try {
            return new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("The story index at {} could not be read ({}); starting a new one, to be rebuilt from the database",
                    path, e.getClass().getSimpleName());
            // The folder is the index's alone; even a new index reads what is there first, so clear it.
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
            return new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(64);
        TieredMergePolicy merges = new TieredMergePolicy();
        // Expunging means every segment holding a deleted story is rewritten, not only those past the default 10%.
        merges.setForceMergeDeletesPctAllowed(0);
        config.setMergePolicy(merges);
        return config;
    }

    // ---------------------------------------------------------------------------------------------
    // writing
    // ---------------------------------------------------------------------------------------------

    /** Adds or replaces a story and makes the change visible and durable. */
    public void put(IndexedStory story) {
        putWithoutPublishing(story);
        publish();
    }

    /** Adds or replaces a story; seen by searches only after {@link #publish()} (for rebuilding in bulk). */
    public void putWithoutPublishing(IndexedStory story) {
        whileOpen(() -> writer.updateDocument(new Term(ID, story.id().toString()), document(story)));
    }

    /** Removes a story at once. */
    public void remove(UUID id) {
        removeAll(List.of(id));
    }

    public void removeAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        whileOpen(() -> writer.deleteDocuments(new TermInSetQuery(ID, ids.stream().map(i -> new BytesRef(i.toString())).toList())));
        publish();
    }

    /**
     * Rewrites every segment that holds deleted stories, so that nothing of them is left in the files, and
     * commits; the old files are deleted once no search reads them. Without it a deleted story stays on disk,
     * text, stored fields and vector included, until Lucene happens to merge its segment. It rewrites whole
     * segments (and their graphs), so it runs for an erasure, not for every change (ADR 0016).
     */
    public void expungeDeleted() {
        whileOpen(() -> writer.forceMergeDeletes(true));
        publish();
        // The refresh released the searcher over the old segments; their files go now rather than at the next commit.
        whileOpen(writer::deleteUnusedFiles);
    }

    /**
     * Merges the index into one segment after filing everything: one graph and one term
     * dictionary to search instead of one per segment, so queries are several times cheaper.
     */
    public void compact() {
        whileOpen(() -> writer.forceMerge(1));
        publish();
    }

    /** Segments of the index as searched now. */
    public int segments() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Commits what was written and refreshes the searchers. */
    public void publish() {
        whileOpen(() -> {
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    /**
     * Runs a write unless the index is closing: a listener that finishes while the application
     * stops must not write into a closing writer, which could leave the index's lock held.
     */
    private void whileOpen(IndexWrite write) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The story index is closed; the change is filed again at the next rebuild");
            }
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private static Document document(IndexedStory s) {
        Document d = new Document();
        d.add(new StringField(ID, s.id().toString(), Field.Store.YES));
        if (s.authorId() != null) {
            d.add(new StringField(AUTHOR, s.authorId().toString(), Field.Store.NO));
        }
        d.add(new StringField(VISIBILITY, s.listed() ? COMMUNITY : WITHHELD, Field.Store.YES));
        d.add(new StringField(ROLE, s.role(), Field.Store.YES));
        for (String theme : s.themes()) {
            d.add(new StringField(THEME, theme, Field.Store.YES));
        }
        if (s.childAgeMonths() != null) {
            d.add(new IntPoint(AGE, s.childAgeMonths()));
            d.add(new StoredField(AGE, s.childAgeMonths()));
        }
        long published = s.publishedAt() == null ? 0 : s.publishedAt().toEpochMilli();
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        d.add(new StoredField(VERSION, s.version()));
        d.add(new StoredField(TITLE, s.title() == null ? "" : s.title()));
        d.add(new StoredField(EXCERPT, excerpt(s.body())));
        d.add(new TextField(TEXT, IndexedStory.text(s.title(), s.body()), Field.Store.YES));
        d.add(new KnnFloatVectorField(VECTOR, s.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** The start of a story on one line, cut between words. */
    static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
        return flat.substring(0, cut < EXCERPT_CHARS / 2 ? EXCERPT_CHARS : cut).strip() + "…";
    }

    // ---------------------------------------------------------------------------------------------
    // reading
    // ---------------------------------------------------------------------------------------------

    /** What the index holds about one story, for deciding whether it must be embedded again. */
    public record Entry(UUID id, int version, boolean listed, float[] vector) {
    }

    public Optional<Entry> find(UUID id) {
        return withSearcher(searcher -> {
            int doc = docOf(searcher, id);
            if (doc < 0) {
                return Optional.empty();
            }
            Document d = searcher.storedFields().document(doc, Set.of(VERSION, VISIBILITY));
            return Optional.of(new Entry(id, d.getField(VERSION).numericValue().intValue(),
                    COMMUNITY.equals(d.get(VISIBILITY)), vectorOf(searcher.getIndexReader(), doc)));
        });
    }

    /** Stories in the index. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Every story id in the index (for removing what the database no longer has after a rebuild). */
    public Set<UUID> ids() {
        return withSearcher(searcher -> {
            Set<UUID> out = new HashSet<>();
            IndexReader reader = searcher.getIndexReader();
            for (LeafReaderContext leaf : reader.leaves()) {
                var live = leaf.reader().getLiveDocs();
                var stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        out.add(UUID.fromString(stored.document(i, Set.of(ID)).get(ID)));
                    }
                }
            }
            return out;
        });
    }

    /** The stories of one writer (for their account's erasure). */
    public List<UUID> idsByAuthor(UUID authorId) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(AUTHOR, authorId.toString())), Integer.MAX_VALUE);
            List<UUID> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(UUID.fromString(searcher.storedFields().document(sd.doc, Set.of(ID)).get(ID)));
            }
            return out;
        });
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // similar stories and search
    // ---------------------------------------------------------------------------------------------

    /**
     * The listed stories most like this one, in words and in meaning, never the story itself nor
     * those of the excluded writers. Empty when the story is not (yet) in the index.
     */
    public List<StoryHit> similar(UUID storyId, Set<UUID> excludedAuthors, int limit, Fusion fusion) {
        return withSearcher(searcher -> {
            int doc = docOf(searcher, storyId);
            if (doc < 0) {
                return List.of();
            }
            IndexReader reader = searcher.getIndexReader();
            float[] vector = vectorOf(reader, doc);
            String text = searcher.storedFields().document(doc, Set.of(TEXT)).get(TEXT);
            BooleanQuery.Builder filter = listedFilter(excludedAuthors);
            filter.add(new TermQuery(new Term(ID, storyId.toString())), Occur.MUST_NOT);
            Query filters = filter.build();

            LinkedHashMap<Integer, Float> byMeaning = byMeaning(searcher, vector, filters, CANDIDATES);
            LinkedHashMap<Integer, Float> byWords = new LinkedHashMap<>();
            if (fusion != Fusion.VECTOR) {
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {TEXT});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                // Words in more than a tenth of all stories (baby, sleep, feel) say little about this one and cost the most.
                mlt.setMaxDocFreqPct(10);
                mlt.setMaxQueryTerms(25);
                Query like = mlt.like(TEXT, new StringReader(text));
                byWords = byWords(searcher, like, filters, CANDIDATES);
            }
            Map<Integer, Double> similarity = similarities(reader, vector, byMeaning, byWords);
            // Sharing words is not enough: a story must also be close in meaning to be "something like this",
            // at least as close as the farthest of the nearest stories by meaning.
            double gate = byMeaning.size() < CANDIDATES ? MIN_SIMILARITY
                    : Math.max(MIN_SIMILARITY, byMeaning.values().stream().mapToDouble(Float::doubleValue).min().orElse(0));
            similarity.values().removeIf(s -> s < gate);
            byWords.keySet().retainAll(similarity.keySet());
            return ranked(searcher, fusion.fuse(byWords, byCosine(similarity, fusion)), similarity, 0, limit);
        });
    }

    /** Filters of a search; null or empty means "any". */
    public record Filters(Set<String> themes, Integer minAgeMonths, Integer maxAgeMonths, String role, Set<UUID> excludedAuthors) {
    }

    /** A page of results and whether more follow. */
    public record Page(List<StoryHit> hits, boolean more) {
    }

    /**
     * Listed stories matching the filters: with words, ranked by words and meaning together
     * ({@code queryVector} is the words' meaning); without, newest first.
     */
    public Page search(String words, float[] queryVector, Filters filters, int offset, int limit, Fusion fusion) {
        return withSearcher(searcher -> {
            Query filter = filters(filters);
            int wanted = offset + limit + 1;
            if (words == null || words.isBlank()) {
                TopDocs top = searcher.search(filter, wanted, new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true)));
                List<StoryHit> hits = new ArrayList<>();
                for (int i = offset; i < Math.min(top.scoreDocs.length, offset + limit); i++) {
                    hits.add(hit(searcher, top.scoreDocs[i].doc, 0, 0));
                }
                return new Page(hits, top.scoreDocs.length > offset + limit);
            }
            int candidates = Math.max(CANDIDATES, wanted);
            LinkedHashMap<Integer, Float> byWords = fusion == Fusion.VECTOR ? new LinkedHashMap<>()
                    : byWords(searcher, wordsQuery(words), filter, candidates);
            LinkedHashMap<Integer, Float> byMeaning = new LinkedHashMap<>();
            if (fusion != Fusion.TEXT && queryVector != null) {
                byMeaning = byMeaning(searcher, queryVector, filter, candidates);
                // A search must not answer every query with the whole index: meaning alone needs to be close.
                byMeaning.values().removeIf(s -> s < MIN_QUERY_SIMILARITY);
            }
            Map<Integer, Double> similarity = queryVector == null ? Map.of()
                    : similarities(searcher.getIndexReader(), queryVector, byMeaning, byWords);
            Map<Integer, Double> fused = fusion.fuse(byWords, byCosine(similarity, fusion));
            List<StoryHit> hits = ranked(searcher, fused, similarity, offset, limit);
            return new Page(hits, fused.size() > offset + limit);
        });
    }

    /** The words of a query as an OR of analysed terms: no query syntax, so nothing a person types can break it. */
    Query wordsQuery(String words) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> seen = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, words)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && seen.size() < IndexSearcher.getMaxClauseCount()) {
                if (seen.add(term.toString())) {
                    b.add(new TermQuery(new Term(TEXT, term.toString())), Occur.SHOULD);
                }
            }
            tokens.end();
        }
        return b.build();
    }

    private static BooleanQuery.Builder listedFilter(Set<UUID> excludedAuthors) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(VISIBILITY, COMMUNITY)), Occur.FILTER);
        for (UUID author : excludedAuthors) {
            if (author != null) {
                b.add(new TermQuery(new Term(AUTHOR, author.toString())), Occur.MUST_NOT);
            }
        }
        return b;
    }

    private static Query filters(Filters f) {
        BooleanQuery.Builder b = listedFilter(f.excludedAuthors() == null ? Set.of() : f.excludedAuthors());
        if (f.themes() != null && !f.themes().isEmpty()) {
            b.add(new TermInSetQuery(THEME, f.themes().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (f.minAgeMonths() != null || f.maxAgeMonths() != null) {
            b.add(IntPoint.newRangeQuery(AGE, f.minAgeMonths() == null ? Integer.MIN_VALUE : f.minAgeMonths(),
                    f.maxAgeMonths() == null ? Integer.MAX_VALUE : f.maxAgeMonths()), Occur.FILTER);
        }
        if (f.role() != null && !f.role().isBlank()) {
            b.add(new TermQuery(new Term(ROLE, f.role())), Occur.FILTER);
        }
        return b.build();
    }

    private static LinkedHashMap<Integer, Float> byMeaning(IndexSearcher searcher, float[] vector, Query filter, int k)
            throws IOException {
        LinkedHashMap<Integer, Float> out = new LinkedHashMap<>();
        if (vector == null) {
            return out;
        }
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k).scoreDocs) {
            // Lucene scores unit vectors by dot product as (1 + cosine) / 2.
            out.put(sd.doc, 2 * sd.score - 1);
        }
        return out;
    }

    private static LinkedHashMap<Integer, Float> byWords(IndexSearcher searcher, Query words, Query filter, int k)
            throws IOException {
        BooleanQuery q = new BooleanQuery.Builder().add(words, Occur.MUST).add(filter, Occur.FILTER).build();
        LinkedHashMap<Integer, Float> out = new LinkedHashMap<>();
        for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
            out.put(sd.doc, sd.score);
        }
        return out;
    }

    /**
     * The meaning ranking over every candidate of either ranking, by exact cosine similarity: a story
     * found by its words is placed by its true closeness too, even where the approximate graph
     * search missed it.
     */
    private static LinkedHashMap<Integer, Float> byCosine(Map<Integer, Double> similarity, Fusion fusion) {
        LinkedHashMap<Integer, Float> out = new LinkedHashMap<>();
        if (fusion == Fusion.TEXT) {
            return out;
        }
        similarity.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue().floatValue()));
        return out;
    }

    /** Cosine similarity with the query for every candidate of either ranking. */
    private static Map<Integer, Double> similarities(IndexReader reader, float[] query, Map<Integer, Float> byMeaning,
                                                     Map<Integer, Float> byWords) throws IOException {
        Map<Integer, Double> out = new java.util.HashMap<>();
        byMeaning.forEach((doc, s) -> out.put(doc, (double) s));
        for (int doc : byWords.keySet()) {
            if (!out.containsKey(doc)) {
                float[] v = vectorOf(reader, doc);
                out.put(doc, v == null ? 0 : dot(query, v));
            }
        }
        return out;
    }

    private static List<StoryHit> ranked(IndexSearcher searcher, Map<Integer, Double> fused, Map<Integer, Double> similarity,
                                         int offset, int limit) throws IOException {
        List<Map.Entry<Integer, Double>> order = new ArrayList<>(fused.entrySet());
        order.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        List<StoryHit> out = new ArrayList<>();
        for (int i = offset; i < Math.min(order.size(), offset + limit); i++) {
            int doc = order.get(i).getKey();
            out.add(hit(searcher, doc, similarity.getOrDefault(doc, 0.0), order.get(i).getValue()));
        }
        return out;
    }

    private static StoryHit hit(IndexSearcher searcher, int doc, double similarity, double score) throws IOException {
        Document d = searcher.storedFields().document(doc, Set.of(ID, TITLE, EXCERPT, AGE, ROLE, THEME, PUBLISHED));
        IndexableField age = d.getField(AGE);
        return new StoryHit(UUID.fromString(d.get(ID)), d.get(TITLE), d.get(EXCERPT),
                age == null ? null : age.numericValue().intValue(), d.get(ROLE), List.of(d.getValues(THEME)),
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()), similarity, score);
    }

    private static int docOf(IndexSearcher searcher, UUID id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(ID, id.toString())), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    static float[] vectorOf(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int local = doc - leaf.docBase;
        return it.advance(local) == local ? values.vectorValue(it.index()).clone() : null;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    /** Waits for writes in progress, then closes; the lock on the folder is released whatever fails on the way. */
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            org.apache.lucene.util.IOUtils.close(searchers, writer, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
