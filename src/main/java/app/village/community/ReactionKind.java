package app.village.community;

/** The reactions a member can leave on a post, each counted once per member. */
public enum ReactionKind {
    ME_TOO("Me too"), STRENGTH("Sending strength"), THANK_YOU("Thank you");

    private final String label;

    ReactionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
