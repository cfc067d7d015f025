package app.village.safety;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Crisis help by country. Other modules put a {@link CrisisPanel} in their model as
 * {@code crisis} and include {@code ~{safety/crisis-panel :: panel(${crisis})}}.
 */
public interface CrisisHelp {

    /** The code of the "anywhere else" entry. */
    String FALLBACK = "INTL";

    /** Every country with crisis help, the fallback last. */
    List<CrisisCountry> countries();

    /** The country's help, or the fallback for an unknown or missing code. */
    CrisisCountry country(String code);

    /**
     * The panel for a person: the country they chose if it is known, otherwise the first browser
     * language that points to a country, otherwise the fallback with a chooser.
     */
    CrisisPanel panelFor(String chosenCountry, List<Locale> browserLocales);

    /** The panel for a page request: {@code ?country=} first, then the browser's languages. */
    default CrisisPanel panelFor(HttpServletRequest request) {
        return panelFor(request.getParameter("country"), Collections.list(request.getLocales()));
    }
}
