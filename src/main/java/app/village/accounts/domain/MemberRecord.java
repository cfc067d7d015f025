package app.village.accounts.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import app.village.accounts.FamilyRole;
import app.village.accounts.Role;

/** A member row as stored, including the private parts that never leave this module. */
public record MemberRecord(UUID id, String email, String passwordHash, String handle, FamilyRole familyRole,
                           Set<Role> roles, Instant createdAt) {
}
