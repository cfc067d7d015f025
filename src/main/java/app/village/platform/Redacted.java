package app.village.platform;

/**
 * An exception as it may be logged: each exception's class and stack frames, its causes likewise, and never a
 * message, since messages quote input ({@code For input string: "..."}, a JSON parser's token, a driver's
 * statement with its values). Log {@code Redacted.of(e)} wherever an unexpected failure may carry someone's words.
 */
public final class Redacted extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int DEEPEST = 10;

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (its message is left out of the log)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable e) {
        return copy(e, 0);
    }

    private static Redacted copy(Throwable e, int depth) {
        Throwable cause = e.getCause();
        return new Redacted(e, cause == null || cause == e || depth >= DEEPEST ? null : copy(cause, depth + 1));
    }
}
