package app.village.surface;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Someone using Village over real HTTP, as a browser or a program would: its own cookies (the session, the CSRF
 * token, sent back as {@code X-XSRF-TOKEN} on every request), redirects not followed, and its own loopback address,
 * so the sign-in throttle and the sign-up allowance it uses up are its own and no other test's.
 */
final class Visitor {

    private final String name;
    private final String base;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Visitor(String name, int port, InetAddress from) {
        this.name = name;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(from)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A loopback address of its own for one test class (all of 127.0.0.0/8 reaches the server). */
    static InetAddress someLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255),
                    (byte) random.nextInt(1, 255)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    /** One request, exactly as given: the path and query are sent as written (percent escapes included), the body as bytes. */
    Answer send(String method, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", pathAndQuery.startsWith("/api/") ? "application/json, application/problem+json, */*;q=0.1"
                        : "text/html,application/xhtml+xml");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            request.header("Cookie", header.toString());
        }
        String csrf = cookies.get("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    Answer json(String method, String path, String json) {
        return send(method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Answer form(String path, Map<String, String> fields) {
        return send("POST", path, "application/x-www-form-urlencoded", encode(fields).getBytes(StandardCharsets.US_ASCII));
    }

    static String encode(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }

    /** Signs in through the real form, as a browser does: the sign-in page first for the CSRF cookie. */
    void signIn(String email, String password) {
        get("/signin");
        Answer answer = form("/signin", Map.of("email", email, "password", password));
        if (answer.status() != 302 || answer.location().contains("error") || !cookies.containsKey("VILLAGE_SESSION")) {
            throw new IllegalStateException(name + " could not sign in: " + answer + " "
                    + answer.text().substring(0, Math.min(300, answer.text().length())));
        }
    }

    /** The CSRF cookie without signing in, as an anonymous browser has it after opening any page. */
    void openAPage() {
        get("/signin");
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(key);
        } else {
            cookies.put(key, value);
        }
    }

    /** What came back. */
    record Answer(int status, String contentType, String location, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean problem() {
            return contentType.startsWith("application/problem+json");
        }

        boolean html() {
            return contentType.startsWith("text/html");
        }

        boolean redirect() {
            return status >= 300 && status < 400;
        }

        boolean toSignIn() {
            return redirect() && (location.endsWith("/signin") || location.contains("/signin?"));
        }

        @Override
        public String toString() {
            return status + (location.isEmpty() ? "" : " -> " + location) + " " + contentType;
        }
    }
}
