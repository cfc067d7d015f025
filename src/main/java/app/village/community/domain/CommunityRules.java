package app.village.community.domain;

import java.util.Locale;

import app.village.community.ReactionKind;
import app.village.community.ReportReason;
import app.village.community.Visibility;
import app.village.platform.InvalidInputException;
import app.village.platform.UserText;

/** Limits and checks for what members write in the community. */
public final class CommunityRules {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;
    public static final int REPLY_MAX = 10_000;
    public static final int REPORT_DETAILS_MAX = 2_000;
    public static final int CHILD_AGE_MAX_MONTHS = 216;

    private CommunityRules() {
    }

    static String title(String value) {
        return UserText.required("title", "The title", value, TITLE_MAX, false);
    }

    static String body(String value) {
        return UserText.required("body", "Your story", value, BODY_MAX, true);
    }

    static String reply(String value) {
        return UserText.required("body", "Your reply", value, REPLY_MAX, true);
    }

    static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return Visibility.COMMUNITY;
        }
        try {
            return Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("visibility", "Choose who can read this: the community, or only you.");
        }
    }

    static Integer childAgeMonths(Integer months) {
        if (months == null) {
            return null;
        }
        if (months < 0 || months > CHILD_AGE_MAX_MONTHS) {
            throw new InvalidInputException("childAgeMonths", "The child's age must be between 0 and "
                    + CHILD_AGE_MAX_MONTHS + " months.");
        }
        return months;
    }

    static ReactionKind reaction(String value) {
        try {
            return ReactionKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new InvalidInputException("kind", "Reactions are me_too, strength or thank_you.");
        }
    }

    static ReportReason reportReason(String value) {
        try {
            return ReportReason.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("reason", "Please choose a reason for the report.");
        }
    }

    static String reportDetails(String value) {
        return UserText.optional("details", "The details", value, REPORT_DETAILS_MAX, true);
    }
}
