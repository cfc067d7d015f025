package app.village.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member. Its user name is the member id, so sessions (and logs) never carry the
 * email address.
 */
public final class VillageUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String handle;
    private final FamilyRole familyRole;
    private final Set<Role> roles;
    private String passwordHash;

    public VillageUser(UUID id, String handle, FamilyRole familyRole, Set<Role> roles, String passwordHash) {
        this.id = id;
        this.handle = handle;
        this.familyRole = familyRole;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
    }

    public UUID id() {
        return id;
    }

    public String handle() {
        return handle;
    }

    public FamilyRole familyRole() {
        return familyRole;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Member asMember() {
        return new Member(id, handle, familyRole, roles());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return id.toString();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VillageUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "VillageUser[" + id + "]";
    }
}
