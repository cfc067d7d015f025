package app.village.accounts;

/** Who the member is in the family. Fathers and partners are first-class members, not an afterthought. */
public enum FamilyRole {
    MOTHER("Mother"), FATHER("Father"), PARTNER("Partner"), OTHER_CARER("Other carer");

    private final String label;

    FamilyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
