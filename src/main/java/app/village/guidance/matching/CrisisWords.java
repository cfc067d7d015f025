package app.village.guidance.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Whether a search asks for urgent help: one of the expressions of {@code guidance/search/crisis-words.txt}, its
 * words in order, each allowing a small misspelling (Lucene's Levenshtein automata, the same as its fuzzy
 * queries). Someone typing "suicidle" into a search box at night must not get "no guide matches".
 */
final class CrisisWords {

    private final List<List<CharacterRunAutomaton>> expressions = new ArrayList<>();
    private final Analyzer analyzer;

    CrisisWords(Analyzer analyzer, Reader list) {
        this.analyzer = analyzer;
        try (BufferedReader lines = new BufferedReader(list)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<CharacterRunAutomaton> words = tokens(analyzer, line).stream().map(CrisisWords::nearTo).toList();
                if (words.isEmpty()) {
                    throw new IllegalStateException("crisis-words.txt: \"" + line + "\" has no word that counts");
                }
                expressions.add(words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean foundIn(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        List<String> said = tokens(analyzer, text);
        return expressions.stream().anyMatch(words -> inOrder(words, said));
    }

    /** The expression's words one after the other somewhere in what was said (small words are gone on both sides). */
    private static boolean inOrder(List<CharacterRunAutomaton> words, List<String> said) {
        for (int start = 0; start + words.size() <= said.size(); start++) {
            int i = 0;
            while (i < words.size() && words.get(i).run(said.get(start + i))) {
                i++;
            }
            if (i == words.size()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many letters may be wrong in a word of this length (as stemmed): none in short words, where one letter
     * makes another word ("kill" and "fill", "crisi" and "crisp"), one from six letters, two from nine.
     */
    static int edits(String word) {
        return word.length() < 6 ? 0 : word.length() < 9 ? 1 : 2;
    }

    private static CharacterRunAutomaton nearTo(String word) {
        return new CharacterRunAutomaton(new LevenshteinAutomata(word, true).toAutomaton(edits(word)));
    }

    /** The words that count, as the analyser leaves them (lower case, stemmed, small words gone). */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("words", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
