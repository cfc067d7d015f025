package app.village.understanding;

import java.util.Locale;

/** Whose experience a theme is. */
public enum Person {
    WRITER, PARTNER, CHILD, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Person ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
