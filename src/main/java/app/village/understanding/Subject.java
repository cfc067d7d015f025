package app.village.understanding;

import java.util.Locale;

/** Whose struggle the text is mainly about. */
public enum Subject {
    WRITER, PARTNER, BOTH, CHILD, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Subject ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
