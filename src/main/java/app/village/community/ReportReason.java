package app.village.community;

/** Why a member reports a post or reply. {@code RISK_OF_HARM} is read first by moderators. */
public enum ReportReason {
    RISK_OF_HARM("Someone may be at risk of harm"),
    UNKIND("Unkind or hurtful"),
    SPAM("Spam or advertising"),
    PRIVACY("Shares someone's private details"),
    OTHER("Something else");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
