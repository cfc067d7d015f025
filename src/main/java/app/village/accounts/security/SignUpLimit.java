package app.village.accounts.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.village.platform.InvalidInputException;

/**
 * At most so many sign-up attempts per network address an hour, counted in the sign-in throttle's
 * table (hashed keys, shared by every node). Every attempt counts, refused ones too: the answer to a
 * sign-up tells whether an email is already registered, and this keeps asking slow.
 */
@Component
public class SignUpLimit {

    static final Duration WINDOW = Duration.ofHours(1);
    static final String REFUSED = "Many accounts were asked for from your network in the last hour. Please try again later.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddressPerHour;

    SignUpLimit(JdbcClient jdbc, Clock clock, @Value("${village.sign-up.per-address-per-hour:20}") int perAddressPerHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddressPerHour = perAddressPerHour;
    }

    /** Counts this attempt from {@code address}, in its own transaction, and refuses it when the hour's allowance is spent. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void attempt(String address) {
        Instant now = clock.instant();
        int attempts = jdbc.sql("""
                INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN sign_in_throttle.last_failure_at < ? THEN 1 ELSE sign_in_throttle.failures + 1 END,
                  last_failure_at = CASE WHEN sign_in_throttle.last_failure_at < ? THEN EXCLUDED.last_failure_at
                                         ELSE sign_in_throttle.last_failure_at END
                RETURNING failures""")
                .params(SignInThrottle.key("sign-up", address), Timestamp.from(now), Timestamp.from(now.minus(WINDOW)),
                        Timestamp.from(now.minus(WINDOW)))
                .query(Integer.class).single();
        if (attempts > perAddressPerHour) {
            throw new InvalidInputException("email", REFUSED);
        }
    }
}
