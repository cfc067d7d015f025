package app.village.understanding.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.core.LearnedAnalyzer;
import app.village.understanding.model.MiniLmEmbedder;
import app.village.understanding.core.ReaderModel;

/**
 * {@code ./village train --suggest N --pool FILE}: the unannotated posts of the training pool the
 * current readers are least sure of, for the next annotation round. A post's doubt is how close its
 * most doubtful theme comes to that theme's threshold; doubt about an urgent sign counts double,
 * because a miss there costs most. At most a quarter come from one forum, so one forum's style
 * does not fill the round.
 */
final class ActiveLearning {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Theme> URGENT = Set.of(Theme.SELF_HARM, Theme.HARM_TO_CHILD, Theme.PSYCHOSIS_SIGNS, Theme.INTRUSIVE_THOUGHTS);

    private ActiveLearning() {
    }

    static int suggest(Path pool, Path corpus, int count, ReaderModel model, PrintStream out, PrintStream err) {
        Set<String> taken = new HashSet<>();
        try (Stream<Path> files = Files.list(corpus.resolve("batches"))) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        taken.add(JSON.readTree(line).path("id").asString());
                    }
                }
            }
            List<JsonNode> candidates = new ArrayList<>();
            for (String line : Files.readAllLines(pool, StandardCharsets.UTF_8)) {
                JsonNode n = JSON.readTree(line);
                int words = n.path("text").asString("").split("\\s+").length;
                if (!taken.contains(n.path("id").asString()) && words >= 20 && words <= 600) {
                    candidates.add(n);
                }
            }
            LearnedAnalyzer analyzer = new LearnedAnalyzer(model, model.encoding().used() ? new MiniLmEmbedder(1) : null);
            record Scored(JsonNode post, double doubt) {
            }
            List<Scored> scored = candidates.parallelStream().map(n -> {
                LearnedAnalyzer.Reading r = analyzer.read(new TextToAnalyze(n.path("text").asString(), n.path("title").asString(""), null, null));
                double doubt = 0;
                for (Theme t : Theme.values()) {
                    double p = r.sentences().stream().mapToDouble(s -> s.probabilities().get(t)).max().orElse(0);
                    double threshold = model.thresholds().get(t);
                    double closeness = 1 - Math.min(1, Math.abs(p - threshold) / Math.max(threshold, 1 - threshold));
                    doubt = Math.max(doubt, closeness * (URGENT.contains(t) ? 2 : 1));
                }
                return new Scored(n, doubt);
            }).sorted(Comparator.comparingDouble(Scored::doubt).reversed().thenComparing(s -> s.post().path("id").asString())).toList();
            Map<String, Integer> perSource = new HashMap<>();
            List<JsonNode> chosen = new ArrayList<>();
            for (Scored s : scored) {
                String source = s.post().path("source").asString();
                if (perSource.getOrDefault(source, 0) >= Math.max(1, count / 4)) {
                    continue;
                }
                perSource.merge(source, 1, Integer::sum);
                ObjectNode row = JSON.createObjectNode();
                for (String field : List.of("id", "source", "title", "text")) {
                    row.put(field, s.post().path(field).asString());
                }
                chosen.add(row);
                if (chosen.size() == count) {
                    break;
                }
            }
            for (JsonNode row : chosen) {
                out.println(JSON.writeValueAsString(row));
            }
            err.printf("%d posts suggested from %d unannotated candidates; by forum: %s%n", chosen.size(), candidates.size(), perSource);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
