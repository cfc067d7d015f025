package app.village.guidance.web;

import java.util.Locale;
import java.util.Set;

/** The country a browser's language tag names (en-GB gives GB), when it is a real ISO 3166 code. */
final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    static String of(Locale locale) {
        String country = locale == null ? "" : locale.getCountry();
        return ISO.contains(country) ? country : null;
    }
}
