package app.village.screening.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.village.platform.InvalidInputException;

/**
 * The one scoring engine for every instrument: sums item scores into totals and subscales,
 * applies cut-offs and bands, and raises the safety signal. Deterministic and free of I/O.
 */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    /**
     * Scores answers given as option codes by linkId. Unknown linkIds and options are refused;
     * an unanswered scored item makes the result incomplete (not interpreted), but never hides
     * a safety answer that was given.
     */
    public static ScreeningResult score(Instrument instrument, Map<String, String> answers, CutOffGroup group) {
        Map<Integer, Integer> byItem = new LinkedHashMap<>();
        Map<String, Integer> itemScores = new LinkedHashMap<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String field = field(answer.getKey());
            Question question = instrument.question(answer.getKey())
                    .filter(q -> !q.options().isEmpty())
                    .orElseThrow(() -> new InvalidInputException(field, "An answer names a question that is not in the "
                            + instrument.shortName() + " (the field says which). Send only the linkIds of its questions."));
            if (answer.getValue() == null) {
                continue;
            }
            AnswerOption option = question.option(answer.getValue()).orElseThrow(() -> new InvalidInputException(field,
                    "That is not one of the answers to question " + label(question) + ". Please choose one of the answers offered."));
            if (question.scored()) {
                byItem.put(question.number(), option.score());
                itemScores.put(question.linkId(), option.score());
            }
        }
        List<String> unanswered = instrument.scoredQuestions().stream()
                .filter(q -> !byItem.containsKey(q.number())).map(Question::linkId).toList();
        ScoringRules rules = instrument.rules();
        List<ScaleScore> scales = new ArrayList<>();
        Map<String, Integer> partialSums = new LinkedHashMap<>();
        for (ScaleRule scale : rules.scales()) {
            int sum = 0;
            int answered = 0;
            for (int item : scale.items()) {
                Integer s = byItem.get(item);
                if (s != null) {
                    sum += s;
                    answered++;
                }
            }
            partialSums.put(scale.code(), sum);
            int total = sum;
            boolean complete = answered == scale.items().size();
            Integer score = complete ? total : null;
            List<CutOffResult> cutOffs = scale.cutOffsFor(group).stream()
                    .map(c -> new CutOffResult(c.key(), c.atLeast(), c.meaning(), c.source(), c.primary(),
                            complete ? total >= c.atLeast() : null))
                    .toList();
            String band = complete ? scale.bands().stream().filter(b -> b.contains(total)).map(Band::label).findFirst().orElse(null) : null;
            scales.add(new ScaleScore(scale.code(), scale.label(), score, scale.min(), scale.max(), answered, scale.items().size(),
                    cutOffs, band, scale.loinc(), scale.snomed()));
        }
        List<String> reasons = new ArrayList<>();
        for (SafetyRule rule : rules.safety()) {
            // A partial sum at the cut-off already means the full sum is: safety never waits for completeness.
            int value = rule.scaleCode() == null ? byItem.getOrDefault(rule.item(), 0) : partialSums.getOrDefault(rule.scaleCode(), 0);
            if (value >= rule.atLeast()) {
                reasons.add(rule.reasonCode());
            }
        }
        return new ScreeningResult(instrument.id(), instrument.version(), unanswered.isEmpty(), unanswered, itemScores, scales,
                !reasons.isEmpty(), reasons, group, rules.source());
    }

    private static String label(Question question) {
        return question.number() > 0 ? String.valueOf(question.number()) : "\"" + question.text() + "\"";
    }

    /** Names the answer at fault without echoing anything that is not a plausible linkId. */
    private static String field(String linkId) {
        return linkId != null && linkId.matches("[A-Za-z0-9._-]{1,64}") ? "answers." + linkId : "answers";
    }
}
