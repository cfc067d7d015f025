package app.village.understanding;

/**
 * A sentence (or phrase) of the input with its character offsets into the field it comes from:
 * {@code field} is {@code "text"} (the default) or {@code "title"}, and
 * {@code text.equals(fieldValue.substring(start, end))}.
 */
public record Evidence(String text, int start, int end, String field) {

    public Evidence(String text, int start, int end) {
        this(text, start, end, "text");
    }
}
