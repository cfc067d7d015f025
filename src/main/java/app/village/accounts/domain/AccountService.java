package app.village.accounts.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.AccountErased;
import app.village.accounts.ChildProfile;
import app.village.accounts.ContentChoice;
import app.village.accounts.FamilyRole;
import app.village.accounts.Member;
import app.village.accounts.MemberDirectory;
import app.village.accounts.PersonalDataContributor;
import app.village.accounts.Registration;
import app.village.accounts.SignUp;
import app.village.accounts.StaffContacts;
import app.village.accounts.Role;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;

/** Everything that changes an account. Each method is one transaction: it happens whole or not at all. */
@Service
public class AccountService implements MemberDirectory, Registration, StaffContacts {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    /** Deliberately the same words whether the address is new, taken or mistyped. */
    static final String CANNOT_CREATE = "We could not create an account with these details. "
            + "If you already have an account, please sign in instead.";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final List<PersonalDataContributor> contributors;
    private final SessionTerminator sessions;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
                   List<PersonalDataContributor> contributors, SessionTerminator sessions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.contributors = contributors;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Member signUp(SignUp request) {
        String email = AccountRules.email(request.email());
        String handle = AccountRules.handle(request.handle());
        String password = AccountRules.password(request.password(), email, handle);
        FamilyRole familyRole = AccountRules.familyRole(request.familyRole());
        List<SignUp.NewChild> newChildren = request.children() == null ? List.of() : request.children();
        if (newChildren.size() > AccountRules.MAX_CHILDREN) {
            throw new InvalidInputException("children", "At most " + AccountRules.MAX_CHILDREN + " children can be added.");
        }
        List<ChildProfile> children = new ArrayList<>();
        for (SignUp.NewChild c : newChildren) {
            boolean blank = (c.nickname() == null || c.nickname().isBlank()) && (c.birthMonth() == null || c.birthMonth().isBlank());
            if (!blank) {
                children.add(new ChildProfile(UUID.randomUUID(), AccountRules.nickname(c.nickname()),
                        AccountRules.birthMonth(c.birthMonth(), clock)));
            }
        }
        if (accounts.handleTaken(handle)) {
            throw new InvalidInputException("handle", "Someone already uses that name. Please choose another.");
        }
        if (accounts.emailTaken(email)) {
            throw new InvalidInputException("email", CANNOT_CREATE);
        }
        Instant now = clock.instant();
        MemberRecord member = new MemberRecord(UUID.randomUUID(), email, passwords.encode(password), handle, familyRole,
                EnumSet.of(Role.PARENT), now);
        try {
            accounts.insert(member);
        } catch (DuplicateKeyException e) {
            // Two sign-ups raced for the same address or name; the loser gets the same words as above.
            throw new InvalidInputException("email", CANNOT_CREATE);
        }
        children.forEach(c -> accounts.insertChild(member.id(), c, now));
        log.info("Member {} signed up", member.id());
        return new Member(member.id(), handle, familyRole, member.roles());
    }

    @Transactional
    public void changePassword(UUID memberId, String currentPassword, String newPassword, String currentSessionId) {
        MemberRecord member = accounts.findById(memberId).orElseThrow(() -> new NotFoundException("No such account."));
        if (currentPassword == null || !passwords.matches(currentPassword, member.passwordHash())) {
            throw new InvalidInputException("currentPassword", "Your current password is not right.");
        }
        String password = AccountRules.password(newPassword, member.email(), member.handle());
        accounts.updatePassword(memberId, passwords.encode(password), clock.instant());
        sessions.endAllExcept(memberId, currentSessionId);
    }

    @Transactional
    public ChildProfile addChild(UUID memberId, String nickname, String birthMonth) {
        ChildProfile child = new ChildProfile(UUID.randomUUID(), AccountRules.nickname(nickname),
                AccountRules.birthMonth(birthMonth, clock));
        if (accounts.countChildren(memberId) >= AccountRules.MAX_CHILDREN) {
            throw new InvalidInputException("childNickname", "At most " + AccountRules.MAX_CHILDREN + " children can be added.");
        }
        accounts.insertChild(memberId, child, clock.instant());
        return child;
    }

    @Transactional
    public void removeChild(UUID memberId, UUID childId) {
        if (!accounts.deleteChild(memberId, childId)) {
            throw new NotFoundException("No such child on your profile.");
        }
    }

    /**
     * Erases the account and, through {@link AccountErased}, what other modules hold about the
     * member, all in one transaction; then ends every session of the member.
     */
    @Transactional
    public void erase(UUID memberId, String password, ContentChoice choice) {
        MemberRecord member = accounts.findById(memberId).orElseThrow(() -> new NotFoundException("No such account."));
        if (password == null || !passwords.matches(password, member.passwordHash())) {
            throw new InvalidInputException("password", "Your password is not right, so nothing was deleted.");
        }
        if (choice == null) {
            throw new InvalidInputException("contentChoice", "Please choose what happens to your posts and replies.");
        }
        events.publishEvent(new AccountErased(memberId, choice));
        accounts.delete(memberId);
        sessions.endAllExcept(memberId, null);
        log.info("Member {} erased their account ({})", memberId, choice);
    }

    /** Everything Village holds about the member, for them to keep. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID memberId) {
        MemberRecord member = accounts.findById(memberId).orElseThrow(() -> new NotFoundException("No such account."));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant().toString());
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", member.id());
        account.put("email", member.email());
        account.put("handle", member.handle());
        account.put("familyRole", member.familyRole());
        account.put("roles", member.roles());
        account.put("createdAt", member.createdAt().toString());
        account.put("children", accounts.children(memberId).stream()
                .map(c -> Map.of("nickname", c.nickname(), "birthMonth", c.birthMonth().toString())).toList());
        export.put("account", account);
        for (PersonalDataContributor contributor : contributors) {
            export.put(contributor.section(), contributor.export(memberId));
        }
        return export;
    }

    /** An admin (or the operator's command line, with no actor) gives a role to the member with this email. */
    @Transactional
    public boolean grant(UUID actor, String email, String roleName) {
        Role role = AccountRules.role(roleName);
        MemberRecord member = accounts.findByEmail(email == null ? "" : email)
                .orElseThrow(() -> new NotFoundException("No member has that email address."));
        Instant now = clock.instant();
        boolean granted = accounts.grant(member.id(), role, actor, now);
        if (granted) {
            accounts.audit(actor, "GRANT_ROLE", member.id(), role.name(), now);
        }
        return granted;
    }

    @Transactional
    public boolean revoke(UUID actor, UUID memberId, String roleName) {
        Role role = AccountRules.role(roleName);
        if (role == Role.PARENT) {
            throw new InvalidInputException("role", "Every member is a parent; that role cannot be removed.");
        }
        if (role == Role.ADMIN && actor != null && actor.equals(memberId)) {
            throw new InvalidInputException("role", "You cannot remove your own admin role; ask another admin.");
        }
        boolean revoked = accounts.revoke(memberId, role);
        if (revoked) {
            accounts.audit(actor, "REVOKE_ROLE", memberId, role.name(), clock.instant());
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<Member> staff() {
        List<Member> staff = new ArrayList<>();
        for (Role role : List.of(Role.ADMIN, Role.MODERATOR, Role.CLINICIAN)) {
            for (MemberRecord m : accounts.withRole(role)) {
                Member member = new Member(m.id(), m.handle(), m.familyRole(), m.roles());
                if (!staff.contains(member)) {
                    staff.add(member);
                }
            }
        }
        return staff;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Member> findByEmail(String email) {
        return email == null ? Optional.empty()
                : accounts.findByEmail(email).map(m -> new Member(m.id(), m.handle(), m.familyRole(), m.roles()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Member> withRole(Role role) {
        return accounts.withRole(role).stream().map(m -> new Member(m.id(), m.handle(), m.familyRole(), m.roles())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> staffEmail(UUID memberId) {
        return accounts.findById(memberId).filter(m -> m.roles().contains(Role.MODERATOR) || m.roles().contains(Role.ADMIN))
                .map(MemberRecord::email);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Member> find(UUID id) {
        return accounts.findById(id).map(m -> new Member(m.id(), m.handle(), m.familyRole(), m.roles()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> handles(Collection<UUID> ids) {
        return accounts.handles(ids);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChildProfile> children(UUID memberId) {
        return accounts.children(memberId);
    }
}
