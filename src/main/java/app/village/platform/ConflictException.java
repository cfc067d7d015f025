package app.village.platform;

/** The request clashes with the current state, for example an edit of a post changed meanwhile. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
