package app.village.safety.alerts;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.interaso.webpush.VapidKeys;

import app.village.platform.SecretFiles;

/**
 * Village's VAPID key pair (RFC 8292) in {@code $VILLAGE_DATA_DIR/vapid-keys}: made on the first start with
 * Web Push on, readable by its owner alone, and the same after every restart, since each browser's
 * subscription is bound to the public key it was made with.
 */
final class VapidKeyFile {

    static final String NAME = "vapid-keys";

    private VapidKeyFile() {
    }

    static VapidKeys loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        String text = SecretFiles.readOrCreate(file, VapidKeyFile::fresh);
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(fields.get("public"))));
            ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(fields.get("private"))));
            return new VapidKeys(publicKey, privateKey);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(file + " does not hold a VAPID key pair Village wrote (" + e.getClass().getSimpleName()
                    + "). Restore it from a backup; deleting it makes a new pair, and every browser must then be alerted anew.");
        }
    }

    private static String fresh() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return "# Village's VAPID key pair for Web Push (ADR 0018). Keep it with the data: browsers alerted so far are bound to it.\n"
                    + "# Every node that shares the database needs this same file.\n"
                    + "public=" + base64.encodeToString(pair.getPublic().getEncoded()) + "\n"
                    + "private=" + base64.encodeToString(pair.getPrivate().getEncoded()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make a P-256 key pair", e);
        }
    }
}
