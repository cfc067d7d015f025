package app.village.accounts;

import java.util.Set;
import java.util.UUID;

/** What other modules may know of a member: never the email address. */
public record Member(UUID id, String handle, FamilyRole familyRole, Set<Role> roles) {
}
