package app.village.understanding;

import java.util.Locale;

/** Who wrote the text, as TAXONOMY.md spells it. */
public enum WriterRole {
    MOTHER, FATHER, PARTNER, CARER, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the taxonomy's codes and the family roles of accounts ("other_carer"). */
    public static WriterRole ofCode(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.equals("OTHER_CARER")) {
            return CARER;
        }
        try {
            return valueOf(c);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
