package app.village.understanding.train;

import java.util.List;

import tools.jackson.databind.JsonNode;

import app.village.understanding.Person;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * A real post with its adjudicated annotation: the themes with whose experience each is and the
 * spans of its evidence, the writer's role and the risk level.
 *
 * @param expected the same labels in the development set's format, for {@code Evaluation}
 */
record AnnotatedText(String id, String source, String title, String text, WriterRole role, List<Label> themes,
                     String risk, JsonNode expected) {

    /** One labelled theme; each span is {field ("text" or "title"), start, end}. */
    record Label(Theme theme, Person person, List<Span> evidence) {
    }

    record Span(String field, int start, int end) {

        boolean overlaps(String otherField, int otherStart, int otherEnd) {
            return field.equals(otherField) && start < otherEnd && otherStart < end;
        }
    }

    boolean has(Theme theme) {
        return themes.stream().anyMatch(l -> l.theme() == theme);
    }
}
