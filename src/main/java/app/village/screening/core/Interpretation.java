package app.village.screening.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a result into plain words. Never a diagnosis, never alarming and never falsely
 * reassuring: a low score still says that feelings matter more than numbers, and an incomplete
 * result is not interpreted at all.
 */
public final class Interpretation {

    static final String NOT_A_DIAGNOSIS = "This is not a diagnosis: only a conversation with a professional can tell what is going on.";
    static final String TRUST_YOURSELF = "If something feels wrong, talk to your GP, midwife or health visitor anyway. You don't need a score to ask for help.";

    private Interpretation() {
    }

    public static Reading of(Instrument instrument, ScreeningResult result) {
        List<String> details = new ArrayList<>();
        List<String> next = new ArrayList<>();
        if (result.urgent()) {
            String about = result.reasonCodes().contains(PublishedRules.PBQ_SCALE4)
                    ? "Some of your answers are about harming your baby."
                    : "One of your answers is about thoughts of hurting yourself, or that you would be better off dead.";
            next.add(about + " Please tell someone today: your GP, midwife, health visitor or one of the helplines on this page. "
                    + "You are not in trouble for saying it, and help is there.");
        }
        if (!result.complete()) {
            int n = result.unanswered().size();
            return new Reading("We can't give a score, because " + n + (n == 1 ? " question was" : " questions were") + " left unanswered.",
                    List.of("The " + instrument.shortName() + " is only scored when every question is answered; a partial score could be "
                            + "misleading. You can take it again whenever you like."),
                    withDefaults(next), result.urgent());
        }
        boolean concern = switch (result.instrument()) {
            case PublishedRules.PHQ9 -> phq9(result, details, next);
            case PublishedRules.GAD7 -> gad7(result, details, next);
            case PublishedRules.PBQ -> pbq(result, details, next);
            case PublishedRules.EPDS -> epds(result, details, next);
            default -> throw new IllegalArgumentException(result.instrument());
        };
        String headline = details.removeFirst();
        return new Reading(headline, details, withDefaults(next), concern || result.urgent());
    }

    private static List<String> withDefaults(List<String> next) {
        List<String> all = new ArrayList<>(next);
        all.add(NOT_A_DIAGNOSIS);
        all.add(TRUST_YOURSELF);
        return all;
    }

    private static boolean phq9(ScreeningResult r, List<String> details, List<String> next) {
        ScaleScore total = r.main();
        boolean concern = total.atOrAbovePrimary();
        details.add(concern ? "Your answers suggest you may be depressed."
                : total.score() >= 5 ? "Your answers suggest some signs of low mood."
                : "Your answers don't suggest depression at the moment.");
        details.add("Your score is " + total.score() + " out of 27 (" + total.band() + ").");
        if (concern) {
            next.add(total.score() >= 20
                    ? "Please talk to your GP, midwife or health visitor in the next day or two and show them this result."
                    : "Please talk to your GP, midwife or health visitor soon, this week if you can, and show them this result.");
            next.add("Depression around a birth is common, and it gets better with the right help.");
        } else if (total.score() >= 5) {
            next.add("Keep an eye on how you feel. If it lasts or gets worse, talk to your GP, midwife or health visitor. "
                    + "You could take this again in two weeks.");
        }
        return concern;
    }

    private static boolean gad7(ScreeningResult r, List<String> details, List<String> next) {
        ScaleScore total = r.main();
        boolean concern = total.atOrAbovePrimary();
        details.add(concern ? "Your answers suggest you may have a lot of anxiety at the moment, more than most people."
                : total.score() >= 5 ? "Your answers suggest some anxiety."
                : "Your answers don't suggest an anxiety problem at the moment.");
        details.add("Your score is " + total.score() + " out of 21 (" + total.band() + ").");
        if (concern) {
            next.add("Please talk to your GP, midwife or health visitor soon, this week if you can, and show them this result.");
            next.add("Anxiety around a birth is common, and it gets better with the right help.");
        } else if (total.score() >= 5) {
            next.add("Keep an eye on how you feel. If the worry lasts or gets worse, talk to your GP, midwife or health visitor.");
        }
        return concern;
    }

    private static boolean pbq(ScreeningResult r, List<String> details, List<String> next) {
        List<String> found = new ArrayList<>();
        boolean scale4 = false;
        for (ScaleScore s : r.scales()) {
            if (!s.atOrAbovePrimary()) {
                continue;
            }
            switch (s.code()) {
                case "pbq.scale-1" -> found.add("bonding with your baby may be difficult for you right now");
                case "pbq.scale-2" -> found.add("you may be having feelings of rejection or anger towards your baby");
                case "pbq.scale-3" -> found.add("you may be anxious about caring for your baby");
                case "pbq.scale-4" -> scale4 = true;
                default -> { }
            }
        }
        boolean concern = !found.isEmpty() || scale4;
        if (!found.isEmpty()) {
            details.add("Your answers suggest that " + String.join(", and that ", found) + ".");
        } else if (scale4) {
            details.add("Some of your answers are about harming your baby.");
        } else {
            details.add("Your answers don't suggest a difficulty with bonding at the moment.");
        }
        details.add("Each scale is compared with the cut-offs of the 2006 validation; those of 2001 are shown as well. "
                + "There is no validated cut-off for the total.");
        if (concern) {
            next.add("Please talk to your health visitor, midwife or GP about how things are with your baby, and show them this result. "
                    + "Difficulties with bonding are more common than people say, and they can get better with help.");
        }
        return concern;
    }

    private static boolean epds(ScreeningResult r, List<String> details, List<String> next) {
        ScaleScore total = r.main();
        boolean possible = total.atOrAbovePrimary();
        boolean probable = total.cutOffs().stream().anyMatch(c -> !c.primary() && Boolean.TRUE.equals(c.reached()));
        details.add(probable ? "Your answers suggest you are likely to be depressed."
                : possible ? "Your answers suggest you may be depressed."
                : "Your answers don't suggest depression at the moment.");
        details.add("Your score is " + total.score() + " out of 30.");
        boolean anxious = r.scale("epds.anxiety-3a").map(ScaleScore::atOrAbovePrimary).orElse(false);
        if (anxious) {
            details.add("Your answers to questions 3, 4 and 5 also suggest anxiety.");
        }
        if (possible || anxious) {
            next.add("Please talk to your GP, midwife or health visitor soon, this week if you can, and show them this result.");
            next.add("Depression and anxiety around a birth are common, for fathers and partners too, and they get better with the right help.");
        }
        return possible || anxious;
    }
}
