package app.village.screening.core;

import java.util.List;

/**
 * A result in plain words for the parent: what the answers suggest, that it is not a diagnosis,
 * and what to do next.
 *
 * @param concern whether the answers reached a cut-off (or a safety answer was given)
 */
public record Reading(String headline, List<String> details, List<String> nextSteps, boolean concern) {

    public Reading {
        details = List.copyOf(details);
        nextSteps = List.copyOf(nextSteps);
    }
}
