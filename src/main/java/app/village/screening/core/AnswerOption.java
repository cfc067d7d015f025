package app.village.screening.core;

/** One answer of a question, in the published order, with the score the published rules give it. */
public record AnswerOption(String system, String code, String display, int score) {
}
