package app.village.understanding;

import java.util.Locale;

/** The risk levels of TAXONOMY.md, in increasing order. */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH, URGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskLevel ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    public RiskLevel max(RiskLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
