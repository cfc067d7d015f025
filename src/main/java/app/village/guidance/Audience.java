package app.village.guidance;

import java.util.Locale;

/** Whom a guide speaks to. */
public enum Audience {
    /** The person who is struggling. */
    STRUGGLING,
    /** The partner (or another close carer) of the person who is struggling, who wants to help. */
    SUPPORTING,
    /** Either of them. */
    EITHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Audience ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
