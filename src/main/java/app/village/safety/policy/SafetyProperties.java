package app.village.safety.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.village.understanding.RiskLevel;

/**
 * The risk policy's settings ({@code village.safety.*}, or {@code VILLAGE_SAFETY_*} in the
 * environment). The defaults are the safe ones of TAXONOMY.md; a setting that would let an urgent
 * reading go unseen is refused at start-up rather than obeyed.
 *
 * @param holdReasons reason codes that hold a community post or reply for a moderator instead of publishing it
 * @param queueFrom the lowest level that enters the moderators' queue: {@code high} or lower, never above
 * @param urgentTarget how soon a moderator should look at an urgent item
 * @param highTarget how soon a moderator should look at a high item
 * @param reportTarget how soon a moderator should look at a member's report or a lower item
 * @param writerPollFor how long the writer's page keeps asking for a reading that is not there yet
 */
@ConfigurationProperties("village.safety")
public record SafetyProperties(
        @DefaultValue({"harm_to_child", "psychosis_signs"}) List<String> holdReasons,
        @DefaultValue("high") RiskLevel queueFrom,
        @DefaultValue("15m") Duration urgentTarget,
        @DefaultValue("4h") Duration highTarget,
        @DefaultValue("24h") Duration reportTarget,
        @DefaultValue("12s") Duration writerPollFor) {

    static final Set<String> HOLDABLE = Set.of("self_harm", "harm_to_child", "psychosis_signs", "intrusive_thoughts",
            "regret_or_rejection", "anger_irritability");

    public SafetyProperties {
        holdReasons = holdReasons.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList();
        for (String reason : holdReasons) {
            if (!HOLDABLE.contains(reason)) {
                throw new IllegalArgumentException("village.safety.hold-reasons: unknown reason '" + reason + "'; use any of "
                        + HOLDABLE.stream().sorted().toList());
            }
        }
        if (queueFrom.compareTo(RiskLevel.HIGH) > 0) {
            throw new IllegalArgumentException("village.safety.queue-from must be high or lower: urgent readings and high ones "
                    + "always reach a moderator");
        }
        for (Duration target : List.of(urgentTarget, highTarget, reportTarget, writerPollFor)) {
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("village.safety targets must be positive durations, not " + target);
            }
        }
    }

    /** The defaults, for tests and tools. */
    public static SafetyProperties defaults() {
        return new SafetyProperties(List.of("harm_to_child", "psychosis_signs"), RiskLevel.HIGH, Duration.ofMinutes(15),
                Duration.ofHours(4), Duration.ofHours(24), Duration.ofSeconds(12));
    }

    /** How soon an item of this level (null for a report) should be looked at. */
    public Duration targetFor(RiskLevel level) {
        if (level == RiskLevel.URGENT) {
            return urgentTarget;
        }
        return level == RiskLevel.HIGH ? highTarget : reportTarget;
    }
}
