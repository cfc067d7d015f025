package app.village.community;

/** Who can read a post. */
public enum Visibility {
    /** Every signed-in member. */
    COMMUNITY,
    /** Only the writer. */
    PRIVATE
}
