package app.village.platform;

/**
 * Input that a person can correct: the message is shown to them as it is, so it must be kind,
 * specific and free of anything they did not type themselves.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field or JSON property at fault, or {@code null} when it is the whole request. */
    public String field() {
        return field;
    }
}
