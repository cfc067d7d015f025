package app.village.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How Village reaches its moderators and admins outside the page (the safety module's on-call alerts).
 * Taking on the role is taking on being paged; a parent's address is never handed out, to anyone.
 */
public interface StaffContacts {

    /** Members who hold the role now, by handle. */
    List<Member> withRole(Role role);

    /** The address of a moderator or admin; empty for anyone else (or an erased member). */
    Optional<String> staffEmail(UUID memberId);
}
