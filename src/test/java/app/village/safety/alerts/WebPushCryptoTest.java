package app.village.safety.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;

/**
 * The test's browser side checked against RFC 8291's own example, then the library Village sends with
 * checked against that browser; and the VAPID key file.
 */
class WebPushCryptoTest {

    @Test
    void theTestsBrowserOpensRfc8291AppendixAsExample() throws Exception {
        BrowserPushKeys ua = BrowserPushKeys.of("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", "BTBZMqHH6r4Tts7J_aSIgg");
        byte[] body = Base64.getUrlDecoder().decode("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
                + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
                + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
        assertThat(new String(ua.decrypt(body), StandardCharsets.UTF_8)).isEqualTo("When I grow up, I want to be a watermelon");

        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> ua.decrypt(body)).as("a changed byte fails authentication").isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void whatTheLibraryEncryptsOnlyTheSubscribedBrowserCanRead() throws Exception {
        WebPush push = new WebPush("mailto:ops@village.example", VapidKeys.generate());
        BrowserPushKeys browser = BrowserPushKeys.generate();
        byte[] body = push.getBody("an urgent item".getBytes(StandardCharsets.UTF_8), browser.publicKey(), browser.auth());
        assertThat(new String(browser.decrypt(body), StandardCharsets.UTF_8)).isEqualTo("an urgent item");
        BrowserPushKeys another = BrowserPushKeys.generate();
        assertThatThrownBy(() -> another.decrypt(body)).isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void theVapidKeysAreMadeOnceReadableByTheOwnerOnlyAndKeptAcrossStarts(@TempDir Path data) throws Exception {
        VapidKeys first = VapidKeyFile.loadOrCreate(data);
        Path file = data.resolve(VapidKeyFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(" BEGIN ").contains("public=").contains("private=");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        VapidKeys again = VapidKeyFile.loadOrCreate(data);
        assertThat(again.getApplicationServerKey()).isEqualTo(first.getApplicationServerKey());
        assertThat(again.getPrivateKey().getEncoded()).isEqualTo(first.getPrivateKey().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("loosened, put right").isEqualTo("rw-------");

        Files.writeString(file, "public=garbage\nprivate=garbage\n");
        assertThatThrownBy(() -> VapidKeyFile.loadOrCreate(data)).hasMessageContaining("does not hold a VAPID key pair Village wrote")
                .hasMessageNotContaining("garbage");
    }
}
