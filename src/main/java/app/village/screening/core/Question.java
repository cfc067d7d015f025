package app.village.screening.core;

import java.util.List;
import java.util.Optional;

/**
 * One question of an instrument.
 *
 * @param number  the published item number (1-based); 0 for an unscored extra question
 * @param scored  false for a question outside the score, such as PHQ-9's "how difficult"
 * @param code    the item's LOINC code, or {@code null} where none is known
 */
public record Question(String linkId, int number, String text, List<AnswerOption> options, boolean scored, String code) {

    public Question {
        options = List.copyOf(options);
    }

    public Optional<AnswerOption> option(String optionCode) {
        return options.stream().filter(o -> o.code().equals(optionCode)).findFirst();
    }

    public int minScore() {
        return options.stream().mapToInt(AnswerOption::score).min().orElse(0);
    }

    public int maxScore() {
        return options.stream().mapToInt(AnswerOption::score).max().orElse(0);
    }
}
