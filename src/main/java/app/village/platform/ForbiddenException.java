package app.village.platform;

/** The person is signed in but this action is not theirs to take (for example, someone else's post). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
