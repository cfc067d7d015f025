package app.village.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;

/** Every level with every reason code, public and private, against the table in TAXONOMY.md. */
class RiskPolicyTest {

    private final RiskPolicy policy = new RiskPolicy(SafetyProperties.defaults());

    static Stream<Arguments> everyLevelReasonAndVisibility() {
        List<Arguments> all = new ArrayList<>();
        List<String> codes = new ArrayList<>(Stream.of(Theme.values()).map(Theme::code).toList());
        codes.add("report_risk_of_harm");
        for (RiskLevel level : RiskLevel.values()) {
            for (String code : codes) {
                for (String person : List.of("writer", "partner")) {
                    all.add(Arguments.of(level, code, person, false));
                    all.add(Arguments.of(level, code, person, true));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}@{2} private={3}")
    @MethodSource("everyLevelReasonAndVisibility")
    void eachCombinationGetsTheActionsOfTheTable(RiskLevel level, String code, String person, boolean privateText) {
        Decision d = policy.decide(level, List.of(new Reason(code, person)), privateText);
        boolean holdReason = code.equals("harm_to_child") || code.equals("psychosis_signs");

        assertThat(d.level()).isEqualTo(level);
        assertThat(d.crisisPanel()).as("crisis panel").isEqualTo(level == RiskLevel.URGENT);
        assertThat(d.hold()).as("held").isEqualTo(holdReason && !privateText);
        assertThat(d.queue()).as("queued").isEqualTo(!privateText && level.compareTo(RiskLevel.HIGH) >= 0);
        if (d.queue()) {
            assertThat(d.target()).isEqualTo(level == RiskLevel.URGENT ? Duration.ofMinutes(15) : Duration.ofHours(4));
        } else {
            assertThat(d.target()).isNull();
        }
        if (level.compareTo(RiskLevel.HIGH) < 0) {
            assertThat(d.steps()).as("moderate and below: guidance only, no next steps here").isEmpty();
        } else {
            if (level == RiskLevel.HIGH) {
                assertThat(d.steps()).as("high: specific next steps, prominently").isNotEmpty();
            }
            assertThat(d.steps().contains(NextStep.PARTNER_HELP)).isEqualTo(person.equals("partner"));
            assertThat(d.steps().contains(NextStep.TALK_SOON)).isEqualTo(level == RiskLevel.HIGH);
            assertThat(d.steps().contains(NextStep.FRIGHTENING_THOUGHTS)).isEqualTo(code.equals("intrusive_thoughts"));
        }
    }

    @Test
    void cryingWithAngerAdvisesPuttingTheBabyDownSafelyAndSteppingAway() {
        Decision d = policy.decide(RiskLevel.HIGH, List.of(new Reason("anger_irritability", "writer"),
                new Reason("infant_crying", "child")), false);
        assertThat(d.steps()).startsWith(NextStep.STEP_AWAY);
        assertThat(NextStep.STEP_AWAY.text()).contains("Put the baby down safely").contains("step away");
        assertThat(policy.decide(RiskLevel.HIGH, List.of(new Reason("anger_irritability", "writer")), false).steps())
                .doesNotContain(NextStep.STEP_AWAY);
    }

    @Test
    void aPartnersStruggleGetsHelpAimedAtThePartner() {
        Decision d = policy.decide(RiskLevel.HIGH, List.of(new Reason("regret_or_rejection", "partner"),
                new Reason("anger_irritability", "partner"), new Reason("infant_crying", "child")), false);
        assertThat(d.steps()).contains(NextStep.PARTNER_HELP, NextStep.STEP_AWAY).doesNotContain(NextStep.FEELINGS_FOR_BABY);
        assertThat(NextStep.PARTNER_HELP.text()).contains("their own doctor");
    }

    @Test
    void aHoldReasonAmongOthersStillHolds() {
        Decision d = policy.decide(RiskLevel.URGENT, List.of(new Reason("self_harm", "writer"), new Reason("psychosis_signs", "writer")), false);
        assertThat(d.hold()).isTrue();
        assertThat(d.crisisPanel()).isTrue();
        assertThat(d.queue()).isTrue();
    }

    @Test
    void configurationCanWidenTheQueueAndChangeWhatIsHeld() {
        SafetyProperties wider = new SafetyProperties(List.of("self_harm"), RiskLevel.MODERATE, Duration.ofMinutes(5),
                Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(5));
        RiskPolicy custom = new RiskPolicy(wider);
        Decision moderate = custom.decide(RiskLevel.MODERATE, List.of(new Reason("bonding_difficulty", "writer")), false);
        assertThat(moderate.queue()).isTrue();
        assertThat(moderate.target()).isEqualTo(Duration.ofHours(8));
        assertThat(custom.decide(RiskLevel.URGENT, List.of(new Reason("self_harm", "writer")), false).hold()).isTrue();
        assertThat(custom.decide(RiskLevel.URGENT, List.of(new Reason("harm_to_child", "writer")), false).hold()).isFalse();
        assertThat(custom.decide(RiskLevel.URGENT, List.of(new Reason("harm_to_child", "writer")), false).target())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void unsafeSettingsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new SafetyProperties(List.of(), RiskLevel.URGENT, Duration.ofMinutes(15), Duration.ofHours(4),
                Duration.ofHours(24), Duration.ofSeconds(12))).hasMessageContaining("queue-from");
        assertThatThrownBy(() -> new SafetyProperties(List.of("harm_to_kid"), RiskLevel.HIGH, Duration.ofMinutes(15),
                Duration.ofHours(4), Duration.ofHours(24), Duration.ofSeconds(12))).hasMessageContaining("harm_to_kid");
        assertThatThrownBy(() -> new SafetyProperties(List.of(), RiskLevel.HIGH, Duration.ZERO, Duration.ofHours(4),
                Duration.ofHours(24), Duration.ofSeconds(12))).hasMessageContaining("positive");
    }

    @Test
    void storedReasonsRoundTrip() {
        Reason r = new Reason(" Anger_Irritability ", "Partner");
        assertThat(r.stored()).isEqualTo("anger_irritability@partner");
        assertThat(Reason.ofStored(r.stored())).isEqualTo(r);
        assertThat(Reason.ofStored("self_harm")).isEqualTo(new Reason("self_harm", "writer"));
    }
}
