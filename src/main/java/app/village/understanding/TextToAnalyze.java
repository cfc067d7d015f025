package app.village.understanding;

/**
 * A text and what is already known about it.
 *
 * @param title optional title of a post, read as part of the text
 * @param role the writer's role from their profile, or null
 * @param childAgeMonths the child's age from the profile, or null
 */
public record TextToAnalyze(String text, String title, WriterRole role, Integer childAgeMonths) {

    public static TextToAnalyze of(String text) {
        return new TextToAnalyze(text, null, null, null);
    }
}
