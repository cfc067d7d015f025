package app.village.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * A member's browser as a program: its own cookies (session and XSRF token), signed in once through the
 * sign-in form as parents are, so a burst of posts pays no password hashing per request. Needs
 * {@code server.servlet.session.cookie.secure=false}: Java's cookie store sends no Secure cookie over plain
 * http, even on loopback (browsers do on localhost).
 */
public record SignedInClient(String base, HttpClient http, CookieManager cookies) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static SignedInClient signIn(String base, String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build(), HttpResponse.BodyHandlers.discarding());
        SignedInClient client = new SignedInClient(base, http, cookies);
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + client.xsrf();
        HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (!signIn.headers().firstValue("Location").orElse("").endsWith("/feed")) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + signIn.statusCode());
        }
        return client;
    }

    public String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** POST /api/posts with an Idempotency-Key, as the page's script does. */
    public HttpResponse<String> publish(String title, String body, UUID key) throws Exception {
        String json = JSON.writeValueAsString(Map.of("title", title, "body", body));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
                        .header("X-XSRF-TOKEN", xsrf()).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key.toString())
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
