package app.village.accounts.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers that have signed in to an account before carry a random token in a cookie. They skip
 * that account's throttle (the address throttle still applies), so an attacker hammering an
 * account cannot keep its owner out. Only a hash of each token is stored.
 */
@Component
public class KnownDevices {

    public static final String COOKIE = "VILLAGE_DEVICE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    KnownDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public String remember(UUID memberId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO known_devices (token_hash, member_id, created_at) VALUES (?, ?, ?)")
                .params(SignInThrottle.key("device", token), memberId, Timestamp.from(clock.instant())).update();
        return token;
    }

    @Transactional(readOnly = true)
    public boolean knows(UUID memberId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM known_devices WHERE token_hash = ? AND member_id = ?")
                .params(SignInThrottle.key("device", token), memberId).query(Long.class).single() > 0;
    }
}
