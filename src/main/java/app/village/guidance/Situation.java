package app.village.guidance;

import java.util.List;

import app.village.understanding.RiskLevel;
import app.village.understanding.WriterRole;

/**
 * What is known about a parent's situation, from which guides are suggested.
 *
 * @param concerns the themes, most important first
 * @param childAgeMonths null when unknown
 * @param writerRole who is asking ({@code UNKNOWN} when not known)
 * @param country ISO 3166 alpha-2 code, or null when unknown
 * @param origin how the situation came to be known, which changes how the reason is worded
 */
public record Situation(List<Concern> concerns, Integer childAgeMonths, WriterRole writerRole, RiskLevel risk,
                        String country, Origin origin) {

    public Situation {
        concerns = List.copyOf(concerns);
        writerRole = writerRole == null ? WriterRole.UNKNOWN : writerRole;
        risk = risk == null ? RiskLevel.NONE : risk;
        origin = origin == null ? Origin.QUESTION : origin;
    }

    /** How the situation is known: what the parent wrote, their questionnaire answers, or what they asked about. */
    public enum Origin {
        POST, SCREENING, QUESTION
    }
}
