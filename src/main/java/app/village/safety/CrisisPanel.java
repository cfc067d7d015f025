package app.village.safety;

import java.util.List;

/**
 * What the crisis panel shows: the help of the person's country, and the other countries to
 * choose from when we could not tell where they are (or guessed wrong).
 *
 * @param countryKnown false when the country came from neither a choice nor the browser, so
 *                     the panel shows the fallback and asks the person to choose
 */
public record CrisisPanel(CrisisCountry country, boolean countryKnown, List<CrisisCountry> choices) {

    public CrisisPanel {
        choices = List.copyOf(choices);
    }
}
