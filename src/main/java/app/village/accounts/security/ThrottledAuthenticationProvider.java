package app.village.accounts.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountRepository;
import app.village.accounts.domain.MemberRecord;

/**
 * Checks an email and password, with the throttle in front: first the address, then the account
 * (skipped for a browser that signed in to that account before). Every failure says the same
 * thing, whether or not the email belongs to a member, and costs the same hashing time.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Email or password is not right.";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final String dummyHash;

    ThrottledAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwords, SignInThrottle throttle,
                                    KnownDevices devices) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.devices = devices;
        this.dummyHash = passwords.encode("a password nobody has, to spend the same time on unknown emails");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d : new SignInDetails("unknown", null);

        String addressKey = SignInThrottle.key("address", details.remoteAddress());
        // Never the account alone: anyone who knows a moderator's email could lock them out from everywhere.
        String accountKey = SignInThrottle.key("account-address", AccountRepository.emailKey(email) + "|" + details.remoteAddress());
        Optional<MemberRecord> member = email.length() > 254 ? Optional.empty() : accounts.findByEmail(email);
        boolean knownDevice = member.isPresent() && devices.knows(member.get().id(), details.deviceToken());

        // A browser that signed in to this account before is let through to the password check even
        // from a throttled address (a guesser's address may be the member's own network).
        Optional<Duration> wait = knownDevice ? Optional.empty() : throttle.waitFor(addressKey);
        if (wait.isEmpty() && !knownDevice) {
            wait = throttle.waitFor(accountKey);
        }
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }

        if (!passwordMatches(member, password)) {
            throttle.failed(addressKey);
            if (!knownDevice) {
                throttle.failed(accountKey);
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.succeeded(accountKey);
        MemberRecord m = member.get();
        VillageUser user = new VillageUser(m.id(), m.handle(), m.familyRole(), m.roles(), m.passwordHash());
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private boolean passwordMatches(Optional<MemberRecord> member, String password) {
        if (member.isEmpty()) {
            passwords.matches(password, dummyHash);
            return false;
        }
        return passwords.matches(password, member.get().passwordHash());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
