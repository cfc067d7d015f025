package app.village.guidance.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import app.village.guidance.library.Guide;
import app.village.understanding.Theme;

/**
 * The words of a guide search, read the way parents type them: Lucene's English analysis (so "bonding" finds
 * "bond"), the synonyms of {@code guidance/search/synonyms.txt} ("PPD" finds postnatal depression), and fuzzy
 * terms for small misspellings ("antidepresants"). Crisis words ({@link CrisisWords}) are told apart, so the
 * caller can put urgent help first. The library is small and fixed, so it lives in memory, built once.
 */
final class GuideSearch {

    private static final String TITLE = "title";
    private static final String SUMMARY = "summary";
    private static final String BODY = "body";
    private static final String SLUG = "slug";
    /** A word in the title says most about a guide, then one in its summary. */
    private static final Map<String, Float> FIELDS = Map.of(TITLE, 3f, SUMMARY, 2f, BODY, 1f);
    /** A misspelling found is worth less than the word itself. */
    private static final float FUZZY_WEIGHT = 0.5f;
    /** Words a parent types that say nothing about which guide they want. */
    static final CharArraySet SMALL_WORDS = small();
    /** The most words of a search that count (a pasted paragraph must not cost more). */
    static final int MOST_WORDS = 12;

    private final Analyzer words;
    private final Analyzer withSynonyms;
    private final IndexSearcher searcher;
    private final CrisisWords crisis;

    GuideSearch(List<Guide> guides) {
        this.words = analyzer(null);
        this.withSynonyms = analyzer(synonyms(words));
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(index(guides, words)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.crisis = new CrisisWords(words, resource("guidance/search/crisis-words.txt"));
    }

    /** The words of a search that count: lower case, without the small ones. */
    static List<String> wordsOf(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .map(w -> w.replaceAll("^'+|'+$", ""))
                .filter(w -> w.length() >= 2 && !SMALL_WORDS.contains(w)).distinct().limit(MOST_WORDS).toList();
    }

    /** Whether the text asks for urgent help (see {@link CrisisWords}). */
    boolean isCrisis(String text) {
        return crisis.foundIn(text);
    }

    /**
     * Slugs of the guides matching at least half the words of the text, best first; empty when the text has no
     * words that count (the caller then lists every guide).
     */
    List<String> slugs(String text) {
        List<String> asked = wordsOf(text);
        if (asked.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int counted = 0;
        for (String word : asked) {
            Query clause = clause(word);
            if (clause != null) {
                query.add(clause, Occur.SHOULD);
                counted++;
            }
        }
        if (counted == 0) {
            return List.of();
        }
        query.setMinimumNumberShouldMatch((counted + 1) / 2);
        try {
            List<String> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
                out.add(searcher.storedFields().document(hit.doc, Set.of(SLUG)).get(SLUG));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One word of the search in every field: the word with its synonyms, and its small misspellings. */
    private Query clause(String word) {
        List<String> stems = CrisisWords.tokens(words, word);
        if (stems.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(withSynonyms);
        FIELDS.forEach((field, weight) -> {
            Query exact = builder.createBooleanQuery(field, word, Occur.SHOULD);
            if (exact != null) {
                any.add(new BoostQuery(exact, weight), Occur.SHOULD);
            }
            for (String stem : stems) {
                int edits = CrisisWords.edits(stem);
                if (edits > 0) {
                    any.add(new BoostQuery(new FuzzyQuery(new Term(field, stem), edits, 1), weight * FUZZY_WEIGHT), Occur.SHOULD);
                }
            }
        });
        return any.build();
    }

    private static Directory index(List<Guide> guides, Analyzer analyzer) {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Guide guide : guides) {
                Document doc = new Document();
                doc.add(new StoredField(SLUG, guide.slug()));
                doc.add(new TextField(TITLE, guide.summary().title(), Field.Store.NO));
                doc.add(new TextField(SUMMARY, guide.summary().summary(), Field.Store.NO));
                StringBuilder body = new StringBuilder(guide.text());
                for (Theme theme : guide.summary().themes()) {
                    body.append('\n').append(theme.plainWords());
                }
                doc.add(new TextField(BODY, body.toString(), Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** English words, stemmed; with a synonym map, the synonyms come out at the same positions. */
    private static Analyzer analyzer(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, SMALL_WORDS);
                stream = new PorterStemFilter(stream);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static SynonymMap synonyms(Analyzer analyzer) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        try (Reader in = resource("guidance/search/synonyms.txt")) {
            parser.parse(in);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("guidance/search/synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    static Reader resource(String path) {
        InputStream in = GuideSearch.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the application");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static CharArraySet small() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(List.of("an", "are", "can", "do", "from", "get", "has", "have", "how", "i", "me", "my", "our", "so", "we",
                "what", "when", "you", "your"));
        return CharArraySet.unmodifiableSet(set);
    }
}
