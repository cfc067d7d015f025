package app.village.platform;

/** The thing asked for does not exist, or the person asking may not know that it exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
