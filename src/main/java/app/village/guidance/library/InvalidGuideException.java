package app.village.guidance.library;

/** A guide file that may not ship: the message names the file and what to fix. */
public class InvalidGuideException extends RuntimeException {

    public InvalidGuideException(String file, String problem) {
        super(file + ": " + problem);
    }
}
