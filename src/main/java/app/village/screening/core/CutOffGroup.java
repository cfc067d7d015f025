package app.village.screening.core;

import app.village.accounts.FamilyRole;

/**
 * Whose cut-offs apply where they differ (the EPDS). The evidence for parents who did not give
 * birth comes from fathers, so partners and other carers get the fathers' cut-offs.
 */
public enum CutOffGroup {
    MOTHERS, FATHERS;

    public static CutOffGroup of(FamilyRole role) {
        return role == FamilyRole.MOTHER ? MOTHERS : FATHERS;
    }
}
