package app.village.understanding.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.village.understanding.Person;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * Reads the annotated corpus ({@code training/understanding/}): the texts of {@code batches/},
 * the labels of {@code annotations/}, replaced where an adjudicator decided otherwise
 * ({@code adjudicated.jsonl}). Second opinions ({@code double/}) are for agreement only.
 */
final class AnnotatedCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnnotatedCorpus() {
    }

    static List<AnnotatedText> load(Path dir) {
        Map<String, JsonNode> texts = new LinkedHashMap<>();
        for (Path f : jsonl(dir.resolve("batches"), "batch-")) {
            lines(f).forEach(n -> texts.put(n.path("id").asString(), n));
        }
        Map<String, JsonNode> labels = new LinkedHashMap<>();
        for (Path f : jsonl(dir.resolve("annotations"), "")) {
            lines(f).forEach(n -> labels.put(n.path("id").asString(), n));
        }
        Path adjudicated = dir.resolve("adjudicated.jsonl");
        if (Files.exists(adjudicated)) {
            lines(adjudicated).forEach(n -> labels.put(n.path("id").asString(), n));
        }
        List<AnnotatedText> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        labels.forEach((id, label) -> {
            JsonNode text = texts.get(id);
            if (text == null) {
                problems.add(id + ": labelled but not among the texts of batches/");
                return;
            }
            out.add(of(text, label, problems));
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The annotations have " + problems.size() + " problems, the first: " + problems.get(0)
                    + " (check them with training/understanding/check.py)");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No annotations under " + dir.toAbsolutePath());
        }
        return out;
    }

    private static AnnotatedText of(JsonNode text, JsonNode label, List<String> problems) {
        String id = text.path("id").asString();
        String title = text.path("title").asString("");
        String body = text.path("text").asString("");
        List<AnnotatedText.Label> themes = new ArrayList<>();
        ObjectNode expected = JSON.createObjectNode();
        ArrayNode expectedThemes = expected.putArray("themes");
        for (JsonNode t : label.path("themes")) {
            Theme theme = Theme.ofCode(t.path("code").asString());
            Person person = Person.ofCode(t.path("person").asString());
            List<AnnotatedText.Span> spans = new ArrayList<>();
            for (JsonNode quote : t.path("evidence")) {
                AnnotatedText.Span span = locate(body, title, quote.asString());
                if (span == null) {
                    problems.add(id + ": evidence not found: " + quote.asString().substring(0, Math.min(60, quote.asString().length())));
                } else {
                    spans.add(span);
                }
            }
            themes.add(new AnnotatedText.Label(theme, person, spans));
            expectedThemes.addObject().put("code", theme.code()).put("person", person.code());
        }
        WriterRole role = WriterRole.ofCode(label.path("role").asString("unknown"));
        String risk = label.path("risk").asString("none");
        expected.putObject("writer").put("role", role.code());
        expected.put("subject", label.path("subject").asString("unknown"));
        ObjectNode child = expected.putObject("child");
        if (label.path("childAgeMonths").isNumber()) {
            child.put("ageMonths", label.path("childAgeMonths").asInt());
        } else {
            child.putNull("ageMonths");
        }
        ObjectNode riskNode = expected.putObject("risk");
        riskNode.put("level", risk);
        ArrayNode reasons = riskNode.putArray("reasons");
        label.path("reasons").forEach(r -> reasons.add(r.asString()));
        return new AnnotatedText(id, text.path("source").asString(""), title, body, role, List.copyOf(themes), risk, expected);
    }

    /** Where a quote is, tolerating differences of white space only; in the text first, then the title. */
    static AnnotatedText.Span locate(String text, String title, String quote) {
        for (String field : List.of("text", "title")) {
            String in = field.equals("text") ? text : title;
            int i = in.indexOf(quote);
            if (i >= 0) {
                return new AnnotatedText.Span(field, i, i + quote.length());
            }
            String[] words = quote.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return null;
            }
            StringBuilder pattern = new StringBuilder();
            for (String w : words) {
                pattern.append(pattern.isEmpty() ? "" : "\\s+").append(Pattern.quote(w));
            }
            Matcher m = Pattern.compile(pattern.toString()).matcher(in);
            if (m.find()) {
                return new AnnotatedText.Span(field, m.start(), m.end());
            }
        }
        return null;
    }

    private static List<Path> jsonl(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": not a JSON object (" + e.getMessage() + ")");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
