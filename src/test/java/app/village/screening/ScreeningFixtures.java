package app.village.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.village.screening.core.Instrument;
import app.village.screening.core.Question;
import app.village.screening.domain.Instruments;
import app.village.screening.domain.ScreeningProperties;

/** The shipped instruments, with the EPDS offered through the placeholder wording fixture. */
public final class ScreeningFixtures {

    public static final String EPDS_WORDING = "src/test/resources/screening/epds-wording-fixture.json";

    private ScreeningFixtures() {
    }

    public static Instruments instruments() {
        return new Instruments(new ScreeningProperties(EPDS_WORDING, new ScreeningProperties.Epds(new ScreeningProperties.Mothers(11, 13), new ScreeningProperties.Fathers(7, 11))));
    }

    /** Answers by option position (0 = the first option as published), one per scored item in order. */
    public static Map<String, String> byPosition(Instrument instrument, int... positions) {
        List<Question> scored = instrument.scoredQuestions();
        if (positions.length != scored.size()) {
            throw new IllegalArgumentException(instrument.id() + " has " + scored.size() + " items, got " + positions.length);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < positions.length; i++) {
            answers.put(scored.get(i).linkId(), scored.get(i).options().get(positions[i]).code());
        }
        return answers;
    }

    /** Every scored item answered with the same option position. */
    public static Map<String, String> all(Instrument instrument, int position) {
        int[] positions = new int[instrument.scoredQuestions().size()];
        java.util.Arrays.fill(positions, position);
        return byPosition(instrument, positions);
    }

    /** A complete, valid answer set drawn from the seeded random source. */
    public static Map<String, String> random(Instrument instrument, Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : instrument.questions()) {
            if (q.scored() || random.nextBoolean()) {
                answers.put(q.linkId(), q.options().get(random.nextInt(q.options().size())).code());
            }
        }
        return answers;
    }
}
