package app.village.support;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.accounts.Member;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.accounts.SignUp;

/** Creates members through the real sign-up, each with a unique email and handle. */
@Component
public class TestMembers {

    public static final String PASSWORD = "a long enough password";

    private final AccountService accounts;

    public TestMembers(AccountService accounts) {
        this.accounts = accounts;
    }

    public record Created(Member member, String email) {
        public VillageUser user() {
            return new VillageUser(member.id(), member.handle(), member.familyRole(), member.roles(), null);
        }

        public UUID id() {
            return member.id();
        }
    }

    public Created create(String role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "member-" + suffix + "@example.org";
        Member member = accounts.signUp(new SignUp(email, PASSWORD, "m_" + suffix, role, List.of()));
        return new Created(member, email);
    }

    public Created mother() {
        return create("MOTHER");
    }

    public Created father() {
        return create("FATHER");
    }

    /** A new member with an extra role ({@code MODERATOR}, {@code ADMIN}), granted as the operator's command does. */
    public Created withRole(String role) {
        Created created = create("MOTHER");
        accounts.grant(null, created.email(), role);
        java.util.Set<app.village.accounts.Role> roles = java.util.EnumSet.copyOf(created.member().roles());
        roles.add(app.village.accounts.Role.valueOf(role));
        Member m = created.member();
        return new Created(new Member(m.id(), m.handle(), m.familyRole(), roles), created.email());
    }
}
