package app.village.accounts;

import java.util.List;

/** What a new member gives: checked by {@link AccountService#signUp}, which says what is wrong. */
public record SignUp(String email, String password, String handle, String familyRole, List<NewChild> children) {

    /** A child as typed: nickname and birth month as {@code YYYY-MM}. */
    public record NewChild(String nickname, String birthMonth) {
    }
}
