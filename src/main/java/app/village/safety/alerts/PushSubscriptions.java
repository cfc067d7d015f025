package app.village.safety.alerts;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.KeyAgreement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.platform.ForbiddenException;
import app.village.platform.InvalidInputException;
import app.village.safety.queue.AuditLog;

/**
 * The browsers a moderator asked to be alerted in. Each moderator sees and removes only their own: an
 * endpoint is a capability (whoever has it and the keys can push to that browser), so it never leaves
 * its owner's pages.
 */
@Service
public class PushSubscriptions {

    /** More than any one person's browsers and phones; a runaway script cannot fill the table. */
    static final int MAX_PER_MEMBER = 10;

    private final PushSubscriptionRepository repository;
    private final WebPushChannel channel;
    private final WebPushProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    PushSubscriptions(PushSubscriptionRepository repository, WebPushChannel channel, WebPushProperties properties, AuditLog audit,
                      Clock clock) {
        this.repository = repository;
        this.channel = channel;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param pushService the push service's host, which says which browser family it is without showing the endpoint */
    public record Browser(UUID id, String pushService, Instant since) {
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** Village's VAPID public key for {@code pushManager.subscribe}, base64url; null while Web Push is off. */
    public String applicationServerKey() {
        return channel.applicationServerKey();
    }

    @Transactional(readOnly = true)
    public List<Browser> mine(VillageUser user) {
        requireStaff(user);
        return repository.forMember(user.id()).stream()
                .map(s -> new Browser(s.id(), URI.create(s.endpoint()).getHost(), s.createdAt())).toList();
    }

    /** Stores the browser's subscription as {@code PushSubscription.toJSON()} gives it; bad input is refused and nothing stored. */
    @Transactional
    public UUID subscribe(VillageUser user, String endpoint, String p256dh, String auth) {
        requireStaff(user);
        if (!properties.enabled()) {
            throw new InvalidInputException("endpoint", "Browser alerts are not turned on for this Village.");
        }
        URI uri = endpoint(endpoint);
        String key = p256dh(p256dh);
        String secret = auth(auth);
        boolean known = repository.forMember(user.id()).stream().anyMatch(s -> s.endpoint().equals(uri.toString()));
        if (!known && repository.count(user.id()) >= MAX_PER_MEMBER) {
            throw new InvalidInputException("endpoint", "You already have " + MAX_PER_MEMBER + " browsers alerted; remove one first.");
        }
        Instant now = clock.instant();
        UUID id = repository.save(user.id(), uri.toString(), key, secret, now);
        audit.record(user.id(), "ALERT_BROWSER_ADDED", null, null, null, null, null, "push service " + uri.getHost(), now);
        return id;
    }

    /** @return whether a browser of the user's was removed */
    @Transactional
    public boolean remove(VillageUser user, UUID id) {
        requireStaff(user);
        return removed(user, repository.delete(user.id(), id));
    }

    /** @return whether a browser of the user's was removed */
    @Transactional
    public boolean removeByEndpoint(VillageUser user, String endpoint) {
        requireStaff(user);
        return removed(user, endpoint != null && repository.deleteByEndpoint(user.id(), endpoint.strip()));
    }

    private boolean removed(VillageUser user, boolean removed) {
        if (removed) {
            audit.record(user.id(), "ALERT_BROWSER_REMOVED", null, null, null, null, null, null, clock.instant());
        }
        return removed;
    }

    private URI endpoint(String endpoint) {
        URI uri;
        try {
            uri = endpoint == null || endpoint.isBlank() || endpoint.length() > 2_000 ? null : new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute()) {
            throw new InvalidInputException("endpoint", "Send the subscription's endpoint, an absolute address.");
        }
        if (!properties.allows(uri)) {
            throw new InvalidInputException("endpoint", "This push service is not one Village sends to ("
                    + (uri.getHost() == null ? "no host" : uri.getHost().toLowerCase(Locale.ROOT)) + ").");
        }
        return uri;
    }

    /** The browser's P-256 public key: 65 bytes, an uncompressed point that lies on the curve. */
    private static String p256dh(String p256dh) {
        byte[] raw = decode(p256dh);
        if (raw == null || raw.length != 65 || raw[0] != 4 || !onCurve(raw)) {
            throw new InvalidInputException("keys.p256dh", "Send the subscription's p256dh key as the browser gives it (base64url, 65 bytes).");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String auth(String auth) {
        byte[] raw = decode(auth);
        if (raw == null || raw.length != 16) {
            throw new InvalidInputException("keys.auth", "Send the subscription's auth secret as the browser gives it (base64url, 16 bytes).");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static byte[] decode(String text) {
        try {
            return text == null ? null : Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An agreement with a fresh key fails for a point off the curve, as the encryption to it would. */
    private static boolean onCurve(byte[] raw) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair mine = generator.generateKeyPair();
            ECParameterSpec params = ((ECPublicKey) mine.getPublic()).getParams();
            ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)), new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
            ECPublicKey theirs = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(mine.getPrivate());
            agreement.doPhase(theirs, true);
            agreement.generateSecret();
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void requireStaff(VillageUser user) {
        if (user == null || !(user.has(Role.MODERATOR) || user.has(Role.ADMIN))) {
            throw new ForbiddenException("Only moderators and admins can be alerted.");
        }
    }
}
