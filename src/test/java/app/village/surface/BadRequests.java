package app.village.surface;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import app.village.surface.AccessPolicy.Rule;
import app.village.surface.Surface.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad requests for one operation, derived from what it takes: each query parameter, each path id, and the body
 * (JSON fields from the OpenAPI schema, form fields from the handler and the pages' forms), each made wrong in one
 * way at a time while the rest of the request stays well-formed, so the wrong part is what is tested. Every text
 * sent carries the marker, so the log can be searched for any of it.
 */
final class BadRequests {

    private static final int HUGE_BODY = 2_000_000;
    private static final int LONG_FIELD = 200_000;
    private static final int LONG_QUERY = 6_000;
    private static final String OVERLONG_NUMBER = "9".repeat(40);

    /** One bad request. */
    record Probe(String what, String method, String target, String contentType, byte[] body) {
    }

    private final String marker;

    BadRequests(String marker) {
        this.marker = marker;
    }

    /** The bad requests for one operation, as {@code rule} fills its address and sample body from {@code world}. */
    List<Probe> probes(World world, Rule rule, Operation operation, Set<String> scraped) {
        String target = world.fill(rule.targets().getFirst());
        String[] split = target.split("\\?", 2);
        String path = split[0];
        Map<String, String> query = new LinkedHashMap<>();
        if (split.length == 2) {
            for (String pair : split[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
        }
        operation.query().forEach(f -> query.putIfAbsent(f.name(), null));
        List<Probe> probes = new ArrayList<>();
        for (String name : query.keySet()) {
            for (Map.Entry<String, String> bad : badQueryValues(operation, name).entrySet()) {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.put(name, bad.getValue());
                probes.add(new Probe("query " + name + ": " + bad.getKey(), rule.method, path + queryString(q), null, null));
            }
        }
        probes.addAll(badIds(rule, path, queryString(query), operation));
        if (operation.writes()) {
            String address = path + queryString(query);
            switch (operation.body()) {
                case JSON -> probes.addAll(badJson(rule, address, operation, world));
                case FORM -> probes.addAll(badForms(rule, address, operation, scraped, world));
                case NONE -> probes.addAll(badBodiesForNoBody(rule, address));
            }
        }
        return probes;
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + v);
            }
        });
        return q.toString();
    }

    private String mark(String what) {
        return marker + " " + what;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Bad values for one query parameter, percent-encoded as sent. */
    private Map<String, String> badQueryValues(Operation operation, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bytes that are not UTF-8", "%FF%FE" + encode(mark("utf8")));
        values.put("HTML with a script and SQL", encode(malicious()));
        values.put("a NUL byte", "a%00" + encode(mark("nul")));
        values.put("a number too long for any type", OVERLONG_NUMBER);
        values.put("a negative number", "-1");
        values.put("6 kB of text", encode(mark("long") + "a".repeat(LONG_QUERY)));
        boolean choice = operation.query().stream().anyMatch(f -> f.name().equals(name) && !f.options().isEmpty());
        if (choice) {
            values.put("a choice that does not exist", encode("NO_SUCH_CHOICE_" + marker));
        }
        return values;
    }

    private String malicious() {
        return "<script>alert('" + marker + "')</script>'; DROP TABLE members; --";
    }

    /** Each path variable replaced by a negative id, a number too long for any type, and bytes that are not UTF-8. */
    private List<Probe> badIds(Rule rule, String path, String query, Operation operation) {
        List<Probe> probes = new ArrayList<>();
        String[] template = rule.path.split("/");
        String[] segments = path.split("/");
        for (int i = 0; i < template.length && i < segments.length; i++) {
            if (!template[i].startsWith("{")) {
                continue;
            }
            for (String[] bad : new String[][]{{"a negative id", "-1"}, {"an id too long for any type", OVERLONG_NUMBER},
                    {"an id that is not UTF-8", "%FF%FE" + encode(marker)}}) {
                String[] changed = segments.clone();
                changed[i] = bad[1];
                byte[] body = rule.json != null ? "{}".getBytes(StandardCharsets.UTF_8) : null;
                probes.add(new Probe(template[i] + ": " + bad[0], rule.method, String.join("/", changed) + query,
                        body == null ? null : "application/json", body));
            }
        }
        return probes;
    }

    private List<Probe> badBodiesForNoBody(Rule rule, String address) {
        return List.of(
                new Probe("a 2 MB body it does not take", rule.method, address, "application/json", huge("{\"text\":\"", "\"}")),
                new Probe("broken JSON it does not take", rule.method, address, "application/json", utf8("{\"" + marker)));
    }

    private List<Probe> badJson(Rule rule, String address, Operation operation, World world) {
        JsonNode parsed = World.JSON.readTree(rule.json == null ? "{}" : world.fill(rule.json));
        ObjectNode base = parsed.isObject() ? (ObjectNode) parsed : World.JSON.createObjectNode();
        Set<String> fields = new LinkedHashSet<>();
        operation.fields().forEach(f -> fields.add(f.name()));
        base.propertyNames().forEach(fields::add);
        String m = rule.method;
        String json = "application/json";
        String text = base.toString();
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("an empty body", m, address, json, new byte[0]),
                new Probe("null", m, address, json, utf8("null")),
                new Probe("a list instead of an object", m, address, json, utf8("[\"" + marker + "\"]")),
                new Probe("a string instead of an object", m, address, json, utf8("\"" + marker + "\"")),
                new Probe("broken JSON", m, address, json, utf8(text.substring(0, text.length() / 2) + marker)),
                new Probe("a 2 MB body", m, address, json, huge("{\"" + fields.stream().findFirst().orElse("text") + "\":\"", "\"}")),
                new Probe("the right JSON as text/plain", m, address, "text/plain", utf8(text)),
                new Probe("XML", m, address, "application/xml", utf8("<post>" + marker + "</post>"))));
        for (String field : fields) {
            Surface.Field declared = operation.fields().stream().filter(f -> f.name().equals(field)).findFirst()
                    .orElse(new Surface.Field(field, typeOf(base.get(field)), List.of()));
            JsonNode current = base.get(field);
            for (Map.Entry<String, Object> bad : badFieldValues(declared, current).entrySet()) {
                ObjectNode changed = base.deepCopy();
                Object value = bad.getValue();
                if (value instanceof BigInteger n) {
                    changed.put(field, n);
                } else if (value instanceof Integer n) {
                    changed.put(field, n);
                } else if (value instanceof JsonNode node) {
                    changed.set(field, node);
                } else {
                    changed.put(field, (String) value);
                }
                probes.add(new Probe(field + ": " + bad.getKey(), m, address, json, utf8(changed.toString())));
            }
            // Bytes that are not UTF-8 inside the field's string.
            ObjectNode changed = base.deepCopy();
            changed.put(field, "\u0001");
            byte[] body = utf8(changed.toString());
            probes.add(new Probe(field + ": bytes that are not UTF-8", m, address, json,
                    replace(body, utf8("\\u0001"), concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, utf8(marker)))));
        }
        return probes;
    }

    private Map<String, Object> badFieldValues(Surface.Field field, JsonNode current) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("200 kB of text", mark("long") + "a".repeat(LONG_FIELD));
        values.put("the wrong type", switch (field.type()) {
            case "string", "uuid", "date" -> World.JSON.createObjectNode().put("text", marker);
            default -> mark("not a " + field.type());
        });
        values.put("a list", World.JSON.createArrayNode().add(marker));
        values.put("HTML with a script and SQL", malicious());
        values.put("a NUL character", "a\u0000" + mark("nul"));
        values.put("a number too long for any type", new BigInteger(OVERLONG_NUMBER));
        values.put("a negative number", -1);
        boolean choice = !field.options().isEmpty()
                || (current != null && current.isString() && current.asString().matches("[A-Za-z_]{2,20}"));
        if (choice) {
            values.put("a choice that does not exist", "NO_SUCH_CHOICE_" + marker);
        }
        return values;
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isString()) {
            return "string";
        }
        return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
    }

    private List<Probe> badForms(Rule rule, String address, Operation operation, Set<String> scraped, World world) {
        Map<String, String> base = new LinkedHashMap<>();
        if (rule.form != null) {
            rule.form.forEach((k, v) -> base.put(k, world.fill(v)));
        }
        Set<String> fields = new LinkedHashSet<>(base.keySet());
        operation.fields().forEach(f -> fields.add(f.name()));
        fields.addAll(scraped);
        String m = rule.method;
        String form = "application/x-www-form-urlencoded";
        String first = fields.stream().findFirst().orElse("text");
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("an empty form", m, address, form, new byte[0]),
                new Probe("a 2 MB form", m, address, form, huge(first + "=", "")),
                new Probe("JSON instead of a form", m, address, "application/json", utf8("{\"" + first + "\":\"" + marker + "\"}")),
                new Probe("bytes that are not UTF-8, unescaped", m, address, form,
                        concat(utf8(first + "="), new byte[]{(byte) 0xFF, (byte) 0xFE}, utf8(encode(marker))))));
        for (String field : fields) {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("200 kB of text", encode(mark("long") + "a".repeat(LONG_FIELD)));
            bad.put("bytes that are not UTF-8", "%FF%FE" + encode(mark("utf8")));
            bad.put("HTML with a script and SQL", encode(malicious()));
            bad.put("a NUL byte", "a%00" + encode(mark("nul")));
            bad.put("a number too long for any type", OVERLONG_NUMBER);
            bad.put("a negative number", "-1");
            String current = base.get(field);
            if (current != null && current.matches("[A-Za-z_-]{2,20}")) {
                bad.put("a choice that does not exist", encode("NO_SUCH_CHOICE_" + marker));
            }
            bad.forEach((what, value) -> {
                StringJoiner body = new StringJoiner("&");
                Map<String, String> fieldsSent = new LinkedHashMap<>(base);
                fieldsSent.put(field, null);
                fieldsSent.forEach((k, v) -> body.add(encode(k) + "=" + (k.equals(field) ? value : encode(v))));
                probes.add(new Probe(field + ": " + what, m, address, form, body.toString().getBytes(StandardCharsets.US_ASCII)));
            });
        }
        return probes;
    }

    private byte[] huge(String before, String after) {
        String start = before + marker;
        StringBuilder body = new StringBuilder(HUGE_BODY).append(start);
        body.append("a".repeat(HUGE_BODY - start.length() - after.length())).append(after);
        return utf8(body.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] replace(byte[] body, byte[] what, byte[] with) {
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        String replaced = latin.replace(new String(what, StandardCharsets.ISO_8859_1), new String(with, StandardCharsets.ISO_8859_1));
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }
}
