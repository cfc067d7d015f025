package app.village.understanding.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import app.village.understanding.Person;
import app.village.understanding.Theme;

/** The rules of {@code understanding/lexicon.txt}: themes, markers and their patterns. */
final class Lexicon {

    /**
     * One line of the lexicon. {@code theme} is null for a marker; {@code person} is null when read
     * from the sentence; {@code span} is how many sentences the rule reads at once (the sentence
     * and those just before it), for signs that a parent spreads over a few short sentences
     * ("I look at the paracetamol every time. Last night I counted them.").
     */
    record Rule(int line, Theme theme, String marker, Person person, double weight, Pattern pattern, int span, String[] cues) {

        /**
         * Whether the pattern could match the text: false only when none of the words every match
         * must begin with is in it. Most sentences lack them, so most rules are skipped by a plain
         * substring search instead of a regex scan; {@code cues} is null when no such words can be told.
         */
        boolean mayMatch(String text) {
            if (cues == null) {
                return true;
            }
            for (String cue : cues) {
                if (text.contains(cue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The most sentences one rule may read at once. */
    static final int MAX_SPAN = 4;

    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z]+)}");

    private final List<Rule> themeRules;
    private final Map<String, List<Rule>> markers;

    private Lexicon(List<Rule> themeRules, Map<String, List<Rule>> markers) {
        this.themeRules = themeRules;
        this.markers = markers;
    }

    List<Rule> themeRules() {
        return themeRules;
    }

    List<Rule> marker(String name) {
        return markers.getOrDefault(name, List.of());
    }

    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lexicon not found on the class path: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the lexicon " + resource, e);
        }
    }

    static Lexicon parse(List<String> lines) {
        Map<String, String> definitions = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, List<Rule>> markers = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException("Lexicon line " + (i + 1) + " needs THEME WEIGHT REGEX: " + line);
            }
            if (parts[0].equals("define")) {
                definitions.put(parts[1], expand(parts[2], definitions, i + 1));
                continue;
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(expand(parts[2], definitions, i + 1));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Lexicon line " + (i + 1) + " has a broken pattern: " + e.getDescription(), e);
            }
            double weight = Double.parseDouble(parts[1]);
            if (parts[0].startsWith("@")) {
                Rule rule = new Rule(i + 1, null, parts[0].substring(1), null, weight, pattern, 1, Cues.of(pattern.pattern()));
                markers.computeIfAbsent(rule.marker(), k -> new ArrayList<>()).add(rule);
            } else {
                String[] themeSpan = parts[0].split("~");
                int span = themeSpan.length > 1 ? Integer.parseInt(themeSpan[1]) : 1;
                if (span < 1 || span > MAX_SPAN) {
                    throw new IllegalArgumentException("Lexicon line " + (i + 1) + " reads " + span + " sentences; 1 to " + MAX_SPAN + " are allowed");
                }
                String[] themePerson = themeSpan[0].split(":");
                Person person = themePerson.length > 1 ? Person.ofCode(themePerson[1]) : null;
                rules.add(new Rule(i + 1, Theme.ofCode(themePerson[0]), null, person, weight, pattern, span, Cues.of(pattern.pattern())));
            }
        }
        return new Lexicon(List.copyOf(rules), markers);
    }

    private static String expand(String regex, Map<String, String> definitions, int line) {
        Matcher m = REFERENCE.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String definition = definitions.get(m.group(1));
            if (definition == null) {
                throw new IllegalArgumentException("Lexicon line " + line + " uses {" + m.group(1) + "}, which is not defined above it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(definition));
        }
        m.appendTail(out);
        return out.toString();
    }
}
