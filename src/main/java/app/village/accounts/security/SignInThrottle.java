package app.village.accounts.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.village.platform.VillageProperties;

/**
 * Counts failed sign-ins per account and per network address in PostgreSQL (so every node sees
 * the same counts). After a few free failures each further one doubles the wait, up to a cap:
 * a guesser is slowed to a crawl, but nobody is ever locked out for good.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final VillageProperties.SignIn policy;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, VillageProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = properties.signIn();
        this.clock = clock;
    }

    /** Keys are hashed so the table never holds an email address or a network address. */
    public static String key(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long the key must still wait, if it must. */
    @Transactional(readOnly = true)
    public Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE throttle_key = ?").param(key)
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Records a failure in its own transaction, so it counts even though the sign-in fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String key) {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(policy.forgetAfter());
        int failures = jdbc.sql("""
                INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN sign_in_throttle.last_failure_at < ? THEN 1 ELSE sign_in_throttle.failures + 1 END,
                  last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures""")
                .params(key, Timestamp.from(now), Timestamp.from(forgetBefore))
                .query(Integer.class).single();
        int over = failures - policy.freeFailures();
        if (over > 0) {
            Duration wait = policy.firstWait().multipliedBy(1L << Math.min(over - 1, 20));
            if (wait.compareTo(policy.maxWait()) > 0) {
                wait = policy.maxWait();
            }
            jdbc.sql("UPDATE sign_in_throttle SET blocked_until = ? WHERE throttle_key = ?")
                    .params(Timestamp.from(now.plus(wait)), key).update();
        }
    }

    @Transactional
    public void succeeded(String key) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?").param(key).update();
    }

    /** Forgets rows nobody has failed on for a while. */
    @Transactional
    public int forgetOld() {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)")
                .params(Timestamp.from(clock.instant().minus(policy.forgetAfter())), Timestamp.from(clock.instant()))
                .update();
    }
}
