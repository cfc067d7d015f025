package app.village.safety.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import app.village.community.ReportReason;
import app.village.safety.policy.Reason;
import app.village.understanding.Theme;

/**
 * The moderators' pages in plain words. Reasons, people, report reasons and the history's actions are stored as
 * codes ({@code self_harm}, {@code phq9-item9-above-zero}, {@code MESSAGE_PRIVATE}) and stay codes in the API; a
 * moderator reading the queue at three in the morning reads words. A code this does not know yet is shown as
 * words too (its separators as spaces), never as the code.
 */
public final class QueueWords {

    /** Said of the person a text is about, third person: Theme's words are written to the writer ("yourself"). */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(Theme.SELF_HARM.code(), "thoughts of self-harm or suicide"),
            Map.entry(Theme.HARM_TO_CHILD.code(), "fear of harming the baby"),
            Map.entry(Theme.PSYCHOSIS_SIGNS.code(), "possible signs of psychosis"),
            Map.entry("phq9-item9-above-zero", "PHQ-9 answer about self-harm (question 9) above \"not at all\""),
            Map.entry("epds-item10-above-zero", "EPDS answer about self-harm (question 10) above \"never\""),
            Map.entry("epds_item_10", "EPDS answer about self-harm (question 10) above \"never\""),
            Map.entry("pbq-scale4-at-cutoff", "PBQ answers about harming the baby at the cut-off"),
            Map.entry("asked_for_support", "asked a moderator to reach out"));

    private static final String REPORT = "report_";
    private static final String SIGNAL = "signal_";
    private static final Map<String, String> SOURCES = Map.of(
            "screening", "from a screening questionnaire",
            "journal", "from their private journal");

    private static final Map<String, String> PEOPLE = Map.of(
            "writer", "the writer",
            "partner", "about their partner",
            "child", "about their child",
            "other", "about someone close to them");

    private QueueWords() {
    }

    public static String reason(String code) {
        if (code == null) {
            return "";
        }
        String known = REASONS.get(code);
        if (known != null) {
            return known;
        }
        // A report's reason is stored as "report_" and its reason; a signal's source as "signal_" and the module.
        if (code.startsWith(REPORT)) {
            return "reported: " + reportReason(code.substring(REPORT.length()).toUpperCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        }
        if (code.startsWith(SIGNAL)) {
            String source = code.substring(SIGNAL.length());
            return SOURCES.getOrDefault(source, "from the " + spaced(source));
        }
        try {
            return Theme.ofCode(code).plainWords();
        } catch (IllegalArgumentException e) {
            return spaced(code);
        }
    }

    /** A list's reasons, each once, joined: "thoughts of self-harm or suicide, low mood or depression". */
    public static String reasons(Collection<Reason> reasons) {
        return reasons.stream().map(Reason::code).map(QueueWords::reason).distinct().collect(Collectors.joining(", "));
    }

    public static String person(String person) {
        return person == null ? "" : PEOPLE.getOrDefault(person, "about " + spaced(person));
    }

    public static String action(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "CLAIM" -> "claimed";
            case "RELEASE" -> "let go";
            case "REPLY_PUBLIC" -> "replied in the thread";
            case "MESSAGE_PRIVATE" -> "sent a private message";
            case "HIDE" -> "hid the text";
            case "RESTORE" -> "restored the text";
            case "HOLD" -> "held the text for a moderator";
            case "CHANGE_LEVEL" -> "changed the level";
            case "ESCALATE" -> "escalated to an admin";
            case "RESOLVE" -> "resolved";
            case "TEXT_ERASED" -> "the text was erased";
            case "VIEW_HELD" -> "read the held text";
            case "VIEW_HIDDEN" -> "read the hidden text";
            case "ALERT_SENT" -> "alert sent";
            case "ALERT_FAILED" -> "alert failed";
            case "ALERT_ESCALATED" -> "alert escalated";
            default -> spaced(action);
        };
    }

    /** A member's report reason, stored as the enum's name: its label, as the member chose it. */
    public static String reportReason(String reason) {
        if (reason == null) {
            return "";
        }
        try {
            return ReportReason.valueOf(reason).label();
        } catch (IllegalArgumentException e) {
            return reason;
        }
    }

    private static String spaced(String code) {
        return code.replaceAll("[_@-]+", " ").toLowerCase(Locale.ROOT).strip();
    }
}
