package app.village.understanding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UnderstandingCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String command, String... args) {
        return UnderstandingCli.run(command, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() {
        JsonMapper json = JsonMapper.builder().build();
        return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    }

    @Test
    void analysesTextAndJsonLinesFilesInTheDocumentedShape() throws Exception {
        Path txt = Files.writeString(dir.resolve("night.txt"), "My 4 month old has colic and screams for hours. I feel so alone.");
        Path jsonl = Files.writeString(dir.resolve("posts.jsonl"),
                "{\"id\":\"a\",\"text\":\"I don't feel any bond with him.\",\"role\":\"father\",\"childAgeMonths\":3}\n"
                        + "{\"id\":\"b\",\"title\":\"Help\",\"text\":\"All fine here, he smiled today!\"}\n");
        assertThat(run("analyze", txt.toString(), jsonl.toString())).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode night = lines.get(0);
        assertThat(night.get("id").asString()).isEqualTo("night.txt");
        assertThat(night.at("/child/ageMonths").asInt()).isEqualTo(4);
        assertThat(night.at("/child/evidence/text").asString()).isEqualTo("4 month old");
        assertThat(night.get("themes").findValuesAsString("code")).contains("infant_crying", "isolation");
        assertThat(night.at("/risk/level").asString()).isEqualTo("low");
        JsonNode theme = night.get("themes").get(0);
        assertThat(theme.has("person")).isTrue();
        assertThat(theme.has("confidence")).isTrue();
        assertThat(theme.at("/evidence/0/start").isInt()).isTrue();
        JsonNode a = lines.get(1);
        assertThat(a.at("/writer/role").asString()).isEqualTo("father");
        assertThat(a.at("/risk/level").asString()).isEqualTo("moderate");
        assertThat(lines.get(2).at("/risk/level").asString()).isEqualTo("none");
    }

    @Test
    void badLinesAndFilesAreReportedWithTheirPlaceAndTheRestStillRuns() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("mixed.jsonl"),
                "{\"id\":\"ok1\",\"text\":\"Tired but ok.\"}\n"
                        + "{\"id\":\"broken\",\"text\":\n"
                        + "{\"id\":\"empty\",\"text\":\"   \"}\n"
                        + "[1,2]\n"
                        + "{\"id\":\"age\",\"text\":\"hi\",\"childAgeMonths\":\"ten\"}\n"
                        + "{\"id\":\"ok2\",\"text\":\"Feeding is hard, cracked nipples.\"}\n");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[]{(byte) 0x63, (byte) 0x61, (byte) 0x66, (byte) 0xE9});
        Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n");
        int status = run("analyze", jsonl.toString(), latin1.toString(), empty.toString(), dir.resolve("missing.txt").toString());
        assertThat(status).isEqualTo(1);
        assertThat(lines()).extracting(n -> n.get("id").asString()).containsExactly("ok1", "ok2");
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("mixed.jsonl:2: not valid JSON").contains("mixed.jsonl:3: empty or missing \"text\"")
                .contains("mixed.jsonl:4: expected a JSON object").contains("mixed.jsonl:5: \"childAgeMonths\"")
                .contains("latin1.txt: not valid UTF-8").contains("empty.txt: empty text").contains("missing.txt: cannot be read");
    }

    @Test
    void explainPrintsAReadableReport() throws Exception {
        Path txt = Files.writeString(dir.resolve("x.txt"), "I keep picturing him falling down the stairs and I would never, it horrifies me.");
        assertThat(run("analyze", "--explain", txt.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Risk: HIGH").contains("intrusive_thoughts").contains("falling down the stairs");
    }

    @Test
    void evalPrintsTheFigures() throws Exception {
        Path labelled = Files.writeString(dir.resolve("l.jsonl"),
                "{\"id\":\"1\",\"text\":\"I want to die.\",\"expected\":{\"themes\":[{\"code\":\"self_harm\",\"person\":\"writer\"}],"
                        + "\"risk\":{\"level\":\"urgent\"},\"child\":{\"ageMonths\":null},\"subject\":\"writer\",\"writer\":{\"role\":\"unknown\"}}}\n");
        assertThat(run("eval", labelled.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("macro-F1 over themes: 1.000").contains("urgent recall: 1.000");
    }

    @Test
    void measuresTheCssrsFormat() throws Exception {
        Path cssrs = Files.writeString(dir.resolve("c.jsonl"),
                "{\"id\":\"u1\",\"label\":\"Ideation\",\"posts\":[\"I want to die.\",\"Nothing helps.\"]}\n"
                        + "{\"id\":\"u2\",\"label\":\"Supportive\",\"posts\":[\"You are not alone, please call a helpline.\"]}\n");
        assertThat(run("eval", "--cssrs", "--rules-only", cssrs.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Ideation, Behavior or Attempt that get urgent: 1.000 (1 of 1)")
                .contains("Supportive that do not get urgent: 1.000 (1 of 1)");
    }

    @Test
    void measuresAnAnnotatedFolderAndNamesTheFirstProblemOfABrokenOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("measuring/batches"));
        Files.writeString(folder.resolve("batch-M.jsonl"),
                "{\"id\":\"m1\",\"source\":\"r/x\",\"title\":\"\",\"text\":\"I want to die. Nothing helps.\"}\n");
        Path labels = Files.createDirectories(dir.resolve("measuring/annotations"));
        Files.writeString(labels.resolve("ann-M1.jsonl"), "{\"id\":\"m1\",\"annotator\":\"M1\",\"role\":\"unknown\",\"subject\":\"writer\","
                + "\"childAgeMonths\":null,\"agePhrase\":null,\"themes\":[{\"code\":\"self_harm\",\"person\":\"writer\","
                + "\"evidence\":[\"I want to die.\"]}],\"risk\":\"urgent\",\"reasons\":[\"self_harm\"]}\n");
        assertThat(run("eval", "--annotated", dir.resolve("measuring").toString(), "--rules-only")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("texts: 1").contains("urgent recall: 1.000")
                .containsPattern("by the writer's annotated role:\\s+unknown +texts 1  macro-F1 [01][.]\\d{3}  urgent recall 1.000");

        Files.writeString(labels.resolve("ann-M2.jsonl"), "{\"id\":\"nowhere\",\"themes\":[],\"risk\":\"none\"}\n");
        assertThat(run("eval", "--annotated", dir.resolve("measuring").toString(), "--rules-only")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nowhere");
        assertThat(run("eval", "--annotated")).isEqualTo(2);
    }

    @Test
    void noFilesIsAUsageError() {
        assertThat(run("analyze")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }
}
