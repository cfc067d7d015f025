package app.village.guidance.web;

import java.util.Locale;
import java.util.Set;

/** The country a browser's language tag names (en-GB gives GB), when it is a real ISO 3166 code. */
final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /**
     * The country of the request's Accept-Language, or null without one: a servlet's own fallback is the
     * server's locale, which says nothing about the parent.
     */
    static String of(jakarta.servlet.http.HttpServletRequest request) {
        return request == null || request.getHeader("Accept-Language") == null ? null : of(request.getLocale());
    }

    /** The same for the request being served on this thread, if any. */
    static String ofCurrentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : null;
    }

    static String of(Locale locale) {
        String country = locale == null ? "" : locale.getCountry();
        return ISO.contains(country) ? country : null;
    }
}
