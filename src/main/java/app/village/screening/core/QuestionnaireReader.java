package app.village.screening.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an instrument from its FHIR R4 Questionnaire JSON and checks it against the published
 * rules: the same items in the same order, and every option's {@code ordinalValue} equal to the
 * published score. Any difference is a broken file and stops start-up with a message that says
 * where. Plain JSON reading, so start-up does not wait for a FHIR context.
 */
public final class QuestionnaireReader {

    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ITEM = Pattern.compile("^([a-z0-9]+)-(\\d+)$");
    private static final int MAX_WORDING = 1_000;

    private QuestionnaireReader() {
    }

    public static Instrument read(String json, ScoringRules rules, String shortName) {
        JsonNode root = JSON.readTree(json);
        String id = text(root, "id", rules.instrument());
        check(id.equals(rules.instrument()), id, "its id is not " + rules.instrument());
        check("Questionnaire".equals(text(root, "resourceType", id)), id, "it is not a Questionnaire");
        check("active".equals(text(root, "status", id)), id, "its status is not active");
        String url = text(root, "url", id);
        String version = text(root, "version", id);
        String instructions = null;
        List<Question> questions = new ArrayList<>();
        Set<String> linkIds = new HashSet<>();
        int expectedNumber = 1;
        for (JsonNode item : root.path("item")) {
            String linkId = text(item, "linkId", id);
            check(linkIds.add(linkId), id, "linkId " + linkId + " appears twice");
            String type = text(item, "type", id);
            if ("display".equals(type)) {
                instructions = text(item, "text", id);
                continue;
            }
            check("choice".equals(type), id, linkId + " is neither a display nor a choice item");
            Matcher m = ITEM.matcher(linkId);
            boolean scored = m.matches();
            int number = scored ? Integer.parseInt(m.group(2)) : 0;
            if (scored) {
                check(number == expectedNumber, id, linkId + " is out of the published order (expected item " + expectedNumber + ")");
                check(number <= rules.itemCount(), id, linkId + " is beyond the " + rules.itemCount() + " published items");
                check(item.path("required").asBoolean(false), id, linkId + " must be required");
                expectedNumber++;
            }
            List<AnswerOption> options = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            int k = 0;
            for (JsonNode option : item.path("answerOption")) {
                JsonNode coding = option.path("valueCoding");
                String code = text(coding, "code", id);
                check(codes.add(code), id, linkId + " has option code " + code + " twice");
                String system = coding.path("system").isString() ? coding.path("system").asString() : null;
                Integer ordinal = ordinal(option);
                int score;
                if (scored) {
                    List<Integer> published = rules.optionScores().get(number - 1);
                    check(k < published.size(), id, linkId + " has more options than published");
                    check(ordinal != null && ordinal == published.get(k), id,
                            linkId + " option " + (k + 1) + " scores " + ordinal + " but the published score is " + published.get(k));
                    score = ordinal;
                } else {
                    score = ordinal == null ? 0 : ordinal;
                }
                options.add(new AnswerOption(system, code, text(coding, "display", id), score));
                k++;
            }
            if (scored) {
                check(k == rules.optionScores().get(number - 1).size(), id, linkId + " has " + k + " options, not the published "
                        + rules.optionScores().get(number - 1).size());
            } else {
                check(k > 0, id, linkId + " has no options");
            }
            String code = null;
            for (JsonNode c : item.path("code")) {
                if ("http://loinc.org".equals(c.path("system").asString(""))) {
                    code = c.path("code").asString();
                }
            }
            questions.add(new Question(linkId, number, text(item, "text", id), options, scored, code));
        }
        check(expectedNumber - 1 == rules.itemCount(), id, "it has " + (expectedNumber - 1) + " scored items, not the published "
                + rules.itemCount());
        String title = text(root, "title", id);
        return new Instrument(id, title, shortName, version, version, url, instructions, questions, rules);
    }

    /**
     * The instrument with item wording supplied by the operator (the EPDS): the same structure and
     * scores, the operator's words, and a version that changes whenever the words do.
     * Expected shape: {@code {"instructions": "...", "items": [{"linkId": "epds-1", "text": "...",
     * "options": ["...", "...", "...", "..."]}, ...]}} with every scored item, options in the published order.
     */
    public static Instrument withWording(Instrument structure, String wordingJson) {
        String where = "the " + structure.shortName() + " wording file";
        JsonNode root;
        try {
            root = JSON.readTree(wordingJson);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + " is not valid JSON: " + e.getClass().getSimpleName());
        }
        String instructions = wording(root.path("instructions"), where + ": instructions", true);
        List<Question> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : root.path("items")) {
            String linkId = item.path("linkId").asString("");
            Question q = structure.question(linkId).filter(Question::scored)
                    .orElseThrow(() -> new IllegalStateException(where + " names an unknown question: " + safe(linkId)));
            if (!seen.add(linkId)) {
                throw new IllegalStateException(where + " gives " + linkId + " twice");
            }
            JsonNode texts = item.path("options");
            if (!texts.isArray() || texts.size() != q.options().size()) {
                throw new IllegalStateException(where + ": " + linkId + " needs exactly " + q.options().size() + " options");
            }
            List<AnswerOption> options = new ArrayList<>();
            for (int k = 0; k < q.options().size(); k++) {
                AnswerOption o = q.options().get(k);
                options.add(new AnswerOption(o.system(), o.code(), wording(texts.get(k), where + ": " + linkId + " option " + (k + 1), false),
                        o.score()));
            }
            questions.add(new Question(linkId, q.number(), wording(item.path("text"), where + ": " + linkId + " text", false),
                    options, true, q.code()));
        }
        if (seen.size() != structure.scoredQuestions().size()) {
            throw new IllegalStateException(where + " must give all " + structure.scoredQuestions().size() + " questions; it gives "
                    + seen.size());
        }
        questions.sort(java.util.Comparator.comparingInt(Question::number));
        String version = structure.questionnaireVersion() + "+wording." + fingerprint(wordingJson);
        return new Instrument(structure.id(), structure.title().replace(": structure and scoring", ""), structure.shortName(), version,
                structure.questionnaireVersion(), structure.canonicalUrl(), instructions == null ? structure.instructions() : instructions,
                questions, structure.rules());
    }

    private static String wording(JsonNode node, String where, boolean optional) {
        if (optional && (node.isMissingNode() || node.isNull())) {
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            throw new IllegalStateException(where + " is missing or empty");
        }
        String text = node.asString().strip();
        if (text.length() > MAX_WORDING || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalStateException(where + " is longer than " + MAX_WORDING + " characters or has control characters");
        }
        return text;
    }

    private static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer ordinal(JsonNode option) {
        for (JsonNode ext : option.path("extension")) {
            if (ORDINAL_VALUE.equals(ext.path("url").asString(""))) {
                JsonNode v = ext.path("valueDecimal");
                if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
                    return v.intValue();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field, String id) {
        JsonNode v = node.path(field);
        check(v.isString() && !v.asString().isBlank(), id, "\"" + field + "\" is missing");
        return v.asString();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "?");
    }

    private static void check(boolean ok, String id, String problem) {
        if (!ok) {
            throw new IllegalStateException("Questionnaire " + id + " does not match its published rules: " + problem);
        }
    }
}
