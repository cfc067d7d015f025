package app.village.accounts;

/** What a member may do in Village. Every member is a {@code PARENT}; the others are granted by an admin. */
public enum Role {
    PARENT, MODERATOR, CLINICIAN, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
