package app.village.understanding.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.village.understanding.Evidence;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.RiskReason;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;

/**
 * The risk level of TAXONOMY.md from the themes heard: each theme has a level of its own, some
 * combinations raise it (rejection with anger, anger with inconsolable crying, hopelessness), and
 * the text's level is the highest. The reasons are the findings that set it.
 */
final class RiskPolicy {

    record Result(RiskLevel level, List<RiskReason> reasons) {
    }

    static final Set<Theme> URGENT = EnumSet.of(Theme.SELF_HARM, Theme.HARM_TO_CHILD, Theme.PSYCHOSIS_SIGNS);
    static final Set<Theme> HIGH = EnumSet.of(Theme.INTRUSIVE_THOUGHTS);
    static final Set<Theme> MODERATE = EnumSet.of(Theme.PERINATAL_DEPRESSION, Theme.ANXIETY, Theme.BONDING_DIFFICULTY,
            Theme.MEDICATION, Theme.RELATIONSHIP_STRAIN, Theme.REGRET_OR_REJECTION, Theme.BIRTH_TRAUMA);

    private RiskPolicy() {
    }

    static RiskLevel levelOf(Theme theme) {
        if (URGENT.contains(theme)) {
            return RiskLevel.URGENT;
        }
        if (HIGH.contains(theme)) {
            return RiskLevel.HIGH;
        }
        return MODERATE.contains(theme) ? RiskLevel.MODERATE : RiskLevel.LOW;
    }

    /**
     * @param hopelessness evidence of severe hopelessness by person (may be empty)
     */
    static Result assess(List<ThemeFinding> findings, Map<Person, Evidence> hopelessness) {
        RiskLevel level = RiskLevel.NONE;
        List<RiskReason> reasons = new ArrayList<>();
        for (ThemeFinding f : findings) {
            level = level.max(levelOf(f.theme()));
        }
        // Combinations that make a moderate or low picture high.
        List<RiskReason> high = new ArrayList<>();
        for (ThemeFinding regret : of(findings, Theme.REGRET_OR_REJECTION)) {
            for (ThemeFinding anger : of(findings, Theme.ANGER_IRRITABILITY)) {
                if (anger.person() == regret.person()) {
                    high.add(reason(regret));
                    high.add(reason(anger));
                }
            }
        }
        List<ThemeFinding> crying = of(findings, Theme.INFANT_CRYING);
        if (!crying.isEmpty()) {
            for (ThemeFinding anger : of(findings, Theme.ANGER_IRRITABILITY)) {
                if (anger.person() == Person.WRITER || anger.person() == Person.PARTNER) {
                    high.add(reason(anger));
                    high.add(reason(crying.get(0)));
                }
            }
        }
        for (ThemeFinding depression : of(findings, Theme.PERINATAL_DEPRESSION)) {
            Evidence hopeless = hopelessness.get(depression.person());
            if (hopeless != null) {
                high.add(new RiskReason(Theme.PERINATAL_DEPRESSION.code(), depression.person(), hopeless));
            }
        }
        if (!high.isEmpty()) {
            level = level.max(RiskLevel.HIGH);
        }
        for (ThemeFinding f : findings) {
            if (levelOf(f.theme()) == level) {
                reasons.add(reason(f));
            }
        }
        if (level == RiskLevel.HIGH) {
            for (RiskReason r : high) {
                if (reasons.stream().noneMatch(x -> x.code().equals(r.code()) && x.person() == r.person())) {
                    reasons.add(r);
                }
            }
        }
        return new Result(level, List.copyOf(reasons));
    }

    private static List<ThemeFinding> of(List<ThemeFinding> findings, Theme theme) {
        return findings.stream().filter(f -> f.theme() == theme).toList();
    }

    private static RiskReason reason(ThemeFinding f) {
        return new RiskReason(f.theme().code(), f.person(), f.evidence().get(0));
    }
}
