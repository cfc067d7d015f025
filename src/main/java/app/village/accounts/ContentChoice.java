package app.village.accounts;

/** What a member who erases their account wants done with what they wrote for others. */
public enum ContentChoice {
    /** Keep posts and replies for the parents who found them useful, with no name attached. */
    ANONYMISE,
    /** Delete every post and reply too. */
    REMOVE
}
