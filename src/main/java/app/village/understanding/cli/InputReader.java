package app.village.understanding.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import app.village.understanding.TextToAnalyze;
import app.village.understanding.WriterRole;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code .txt} files (one text each, the file name as id) and {@code .jsonl} files (one
 * object per line with {@code id} and {@code text}, optionally {@code title}, {@code role},
 * {@code childAgeMonths} and {@code expected}). A problem with one file or line is reported with
 * its place and the rest is still read.
 */
final class InputReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private InputReader() {
    }

    static List<InputText> read(List<Path> files, Consumer<String> errors) {
        List<InputText> texts = new ArrayList<>();
        for (Path file : files) {
            String content;
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    errors.accept(file + ": larger than 64 MiB, skipped");
                    continue;
                }
                content = decode(Files.readAllBytes(file));
            } catch (CharacterCodingException e) {
                errors.accept(file + ": not valid UTF-8, skipped");
                continue;
            } catch (IOException e) {
                errors.accept(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                readLines(file, content, texts, errors);
            } else {
                if (content.isBlank()) {
                    errors.accept(file + ": empty text");
                } else {
                    texts.add(new InputText(name, file.toString(), new TextToAnalyze(content, null, null, null), null));
                }
            }
        }
        return texts;
    }

    private static void readLines(Path file, String content, List<InputText> texts, Consumer<String> errors) {
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                errors.accept(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.accept(where + ": expected a JSON object with \"id\" and \"text\"");
                continue;
            }
            JsonNode text = node.get("text");
            if (text == null || !text.isString() || text.asString().isBlank()) {
                errors.accept(where + ": empty or missing \"text\"");
                continue;
            }
            String id = node.hasNonNull("id") ? node.get("id").asString() : where;
            Integer age = null;
            JsonNode ageNode = node.get("childAgeMonths");
            if (ageNode != null && !ageNode.isNull()) {
                if (!ageNode.isIntegralNumber() || ageNode.asInt() < 0 || ageNode.asInt() > 216) {
                    errors.accept(where + ": \"childAgeMonths\" must be a whole number from 0 to 216");
                    continue;
                }
                age = ageNode.asInt();
            }
            WriterRole role = node.hasNonNull("role") ? WriterRole.ofCode(node.get("role").asString()) : null;
            String title = node.hasNonNull("title") ? node.get("title").asString() : null;
            texts.add(new InputText(id, where, new TextToAnalyze(text.asString(), title, role, age), node.get("expected")));
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }
}
