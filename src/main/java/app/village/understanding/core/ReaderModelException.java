package app.village.understanding.core;

/** The learned model cannot be used: missing, damaged or incomplete. Village refuses to start rather than read nothing. */
public final class ReaderModelException extends IllegalStateException {

    public ReaderModelException(String message) {
        super(message);
    }

    public ReaderModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
