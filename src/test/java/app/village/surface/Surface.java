package app.village.surface;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Every operation Village answers, found where a new one appears without anyone listing it: the OpenAPI document
 * the application serves (the JSON API) and Spring's request mappings (the pages, and anything the document
 * misses). For each, what it takes: query parameters, and a JSON or form body with its fields.
 */
final class Surface {

    enum Body { NONE, JSON, FORM }

    /** A parameter or body field: its name, its type ({@code string}, {@code integer}, {@code number}, {@code boolean},
     * {@code uuid}, {@code date}, {@code object}, {@code array}) and its allowed values when it has a fixed set. */
    record Field(String name, String type, List<String> options) {
    }

    /**
     * @param openForm the handler reads every posted field by name at run time (a map of parameters): its fields
     *                 are only known from the forms that post to it
     */
    record Operation(String method, String path, boolean api, List<Field> query, Body body, List<Field> fields,
                     boolean openForm, boolean documented) {

        String key() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    private Surface() {
    }

    static List<Operation> of(JsonNode openApi, RequestMappingHandlerMapping mapping) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                Operation operation = fromDocument(openApi, path.getKey(), op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue());
                operations.put(operation.key(), operation);
            }
        }
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                // A mapping for any method (the error page) is reached by GET.
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    Operation operation = fromHandler(pattern, method.name(), entry.getValue());
                    operations.putIfAbsent(operation.key(), operation);
                }
            }
        }
        return operations.values().stream().sorted(Comparator.comparing(Operation::path).thenComparing(Operation::method)).toList();
    }

    private static Operation fromDocument(JsonNode document, String path, String method, JsonNode op) {
        List<Field> query = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                query.add(field(document, parameter.path("name").asString(), parameter.path("schema")));
            }
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : resolve(document, schema).path("properties").properties()) {
            fields.add(field(document, property.getKey(), property.getValue()));
        }
        Body body = op.has("requestBody") ? Body.JSON : Body.NONE;
        return new Operation(method, path, true, List.copyOf(query), body, List.copyOf(fields), false, true);
    }

    private static Field field(JsonNode document, String name, JsonNode schema) {
        JsonNode s = resolve(document, schema);
        String type = s.path("type").asString("string");
        String format = s.path("format").asString("");
        if (format.equals("uuid") || format.equals("date")) {
            type = format;
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : s.path("enum")) {
            options.add(option.asString());
        }
        return new Field(name, type, List.copyOf(options));
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static Operation fromHandler(String path, String method, HandlerMethod handler) {
        List<Field> params = new ArrayList<>();
        boolean openForm = false;
        boolean jsonBody = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                if (Map.class.isAssignableFrom(type)) {
                    openForm = true;
                } else {
                    String name = !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
                    params.add(new Field(name, typeOf(type), List.of()));
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    params.add(new Field(component.getName(), typeOf(component.getType()), List.of()));
                }
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                jsonBody = true;
            }
        }
        boolean api = path.startsWith("/api/");
        boolean get = method.equals("GET");
        Body body = jsonBody ? Body.JSON : get || api ? Body.NONE : Body.FORM;
        List<Field> query = body == Body.FORM ? List.of() : List.copyOf(params);
        List<Field> fields = body == Body.FORM ? List.copyOf(params) : List.of();
        return new Operation(method, path, api, query, body, fields, openForm, false);
    }

    private static String typeOf(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        return "string";
    }
}
