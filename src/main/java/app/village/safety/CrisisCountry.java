package app.village.safety;

import java.util.List;

/**
 * The crisis help of one country (or of "anywhere else").
 *
 * @param code ISO 3166 alpha-2, or {@code INTL} for the fallback
 * @param emergency the number to call when someone is in danger now
 * @param locales browser languages that point to this country ("en-GB")
 */
public record CrisisCountry(String code, String name, String emergency, List<String> locales, List<CrisisLine> lines) {

    public CrisisCountry {
        locales = List.copyOf(locales);
        lines = List.copyOf(lines);
    }

    public boolean fallback() {
        return CrisisHelp.FALLBACK.equals(code);
    }

    /** The emergency number as a phone dials it, or null when it is not one number. */
    public String emergencyHref() {
        String digits = CrisisLine.dialable(emergency.split(" ")[0]);
        return digits.isEmpty() ? null : "tel:" + digits;
    }
}
