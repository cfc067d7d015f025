package app.village.screening.core;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire as the parent sees it and as the scoring engine reads it.
 *
 * @param version      the version a submission must name: the Questionnaire's version, plus a
 *                     fingerprint of operator-supplied wording where there is some
 * @param canonicalUrl the Questionnaire's canonical URL (without version)
 */
public record Instrument(String id, String title, String shortName, String version, String questionnaireVersion,
                         String canonicalUrl, String instructions, List<Question> questions, ScoringRules rules) {

    public Instrument {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String linkId) {
        return questions.stream().filter(q -> q.linkId().equals(linkId)).findFirst();
    }

    public List<Question> scoredQuestions() {
        return questions.stream().filter(Question::scored).toList();
    }

    public Question item(int number) {
        return questions.stream().filter(q -> q.scored() && q.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no item " + number));
    }
}
