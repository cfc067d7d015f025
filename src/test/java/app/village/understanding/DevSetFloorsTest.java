package app.village.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.village.understanding.cli.Evaluation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets of the understanding of posts, on the team's labelled development set: a change to
 * the lexicon, the examples or the analyser that drops below any of them fails the build. It runs
 * the analyser Village uses, with the in-process model and the learned readers.
 *
 * <p>The macro-F1 floor was 0.80 while the lexicon alone read posts. Issue 11 lets a floor drop by at
 * most 0.03 for readers that do better on real parents' words, and the readers' vetoes cost the team's
 * own texts 0.025 (0.803 to 0.778) while real posts gained (ADR 0019): the floor is 0.80 less that 0.03.
 */
class DevSetFloorsTest {

    @Test
    void theAnalyserMeetsItsTargetsOnTheDevelopmentSet() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Analyzer analyzer = Analyzers.standard(2);
        Evaluation evaluation = new Evaluation();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/understanding"))) {
            files = list.filter(p -> p.getFileName().toString().startsWith("devset-")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                TextToAnalyze text = new TextToAnalyze(node.get("text").asString(),
                        node.hasNonNull("title") ? node.get("title").asString() : null,
                        node.hasNonNull("role") ? WriterRole.ofCode(node.get("role").asString()) : null,
                        node.hasNonNull("childAgeMonths") ? node.get("childAgeMonths").asInt() : null);
                evaluation.add(node.get("id").asString(), analyzer.analyze(text), node.get("expected"));
            }
        }
        System.out.println(evaluation.report());
        assertThat(evaluation.texts()).as("development set size").isGreaterThanOrEqualTo(400);
        assertThat(evaluation.macroF1()).as("macro-F1 over themes").isGreaterThanOrEqualTo(0.77);
        assertThat(evaluation.urgentRecall()).as("urgent recall").isEqualTo(1.0);
        assertThat(evaluation.urgentPrecision()).as("urgent precision").isGreaterThanOrEqualTo(0.80);
        assertThat(evaluation.riskExact()).as("risk level exact").isGreaterThanOrEqualTo(0.70);
        assertThat(evaluation.riskWithinOne()).as("risk within one level").isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.ageWithinOne()).as("child age within one month").isGreaterThanOrEqualTo(0.90);
    }
}
