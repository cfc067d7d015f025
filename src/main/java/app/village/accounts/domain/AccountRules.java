package app.village.accounts.domain;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import app.village.accounts.FamilyRole;
import app.village.accounts.Role;
import app.village.platform.InvalidInputException;
import app.village.platform.UserText;

/** The checks on what a member types about themselves, each failing with a message they can act on. */
final class AccountRules {

    static final int MAX_CHILDREN = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern HANDLE = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{2,29}$");
    private static final Set<String> RESERVED_HANDLES = Set.of("admin", "administrator", "moderator", "village",
            "support", "staff", "system", "root", "help", "former-member");
    // The commonest passwords in published breach lists; a longer list belongs in a later release.
    private static final Set<String> COMMON_PASSWORDS = Set.of("password", "password1", "password123", "12345678",
            "123456789", "1234567890", "qwertyuiop", "iloveyou", "11111111", "00000000", "abc12345", "letmein1",
            "baby1234", "mybaby123", "qwerty123", "sunshine1", "princess1", "welcome1");

    private AccountRules() {
    }

    static String email(String value) {
        String email = UserText.required("email", "The email address", value, 254, false);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "That does not look like an email address (something like name@example.org).");
        }
        return email;
    }

    static String handle(String value) {
        String handle = UserText.required("handle", "The name others see", value, 30, false);
        if (!HANDLE.matcher(handle).matches()) {
            throw new InvalidInputException("handle", "Your name in Village needs 3 to 30 letters or digits "
                    + "(dots, dashes and underscores are fine after the first) and no spaces.");
        }
        if (RESERVED_HANDLES.contains(handle.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("handle", "That name is reserved. Please choose another.");
        }
        return handle;
    }

    static String password(String value, String email, String handle) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("password", "Please choose a password.");
        }
        int length = value.codePointCount(0, value.length());
        if (length < 10) {
            throw new InvalidInputException("password", "Your password needs at least 10 characters. A few words together work well.");
        }
        if (length > 200) {
            throw new InvalidInputException("password", "Your password can have at most 200 characters.");
        }
        // bcrypt reads only the first 72 bytes; longer passwords would be silently cut, so they are refused.
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInputException("password", "Your password can have at most 72 bytes: about 72 letters without accents, "
                    + "fewer with accents or other scripts. Please choose a shorter one.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))
                || (handle != null && lower.equals(handle.toLowerCase(Locale.ROOT)))) {
            throw new InvalidInputException("password", "That password is too easy to guess. Please choose another.");
        }
        return value;
    }

    static FamilyRole familyRole(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("familyRole", "Please say who you are in the family.");
        }
        try {
            return FamilyRole.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("familyRole", "Choose mother, father, partner or other carer.");
        }
    }

    static Role role(String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("role", "Choose one of: parent, moderator, clinician, admin.");
        }
    }

    static String nickname(String value) {
        return UserText.required("childNickname", "The child's name or nickname", value, 40, false);
    }

    static YearMonth birthMonth(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("childBirthMonth", "Please give the month the child was born.");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("childBirthMonth", "Give the birth month as year and month, for example 2026-03.");
        }
        YearMonth now = YearMonth.now(clock);
        if (month.isAfter(now)) {
            throw new InvalidInputException("childBirthMonth", "The birth month is in the future. Please check it.");
        }
        if (month.isBefore(now.minusYears(18))) {
            throw new InvalidInputException("childBirthMonth", "Village is for parents of babies and young children; "
                    + "that birth month is more than 18 years ago.");
        }
        return month;
    }
}
