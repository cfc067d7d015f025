package app.village.safety.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on loopback standing in for a browser's (which would need the network): it checks each
 * request as a push service does (RFC 8030, 8292: a VAPID JWT signed ES256 with the key in {@code k}, for
 * this origin, not expired, naming the operator), then opens the body with the browser's own keys as the
 * browser would (RFC 8291) and keeps what it read. {@link #answer} makes a browser's endpoint answer 410
 * (subscription gone) or fail.
 */
final class PushServiceReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A subscribed browser: its endpoint at this push service and the keys only it holds. */
    record Browser(String id, String endpoint, BrowserPushKeys keys) {

        /** What {@code PushSubscription.toJSON()} gives the page's script. */
        String subscriptionJson() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + keys.p256dh()
                    + "\",\"auth\":\"" + keys.authText() + "\"}}";
        }
    }

    /** A message the browser decrypted, with the VAPID key it was signed with. */
    record Received(Instant at, String browser, String payload, JsonNode json, String vapidKey, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final String subject;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    final Map<String, Integer> answer = new ConcurrentHashMap<>();
    final List<Received> accepted = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final Map<String, Integer> calls = new ConcurrentHashMap<>();

    PushServiceReceiver(String subject) throws IOException {
        this.subject = subject;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/push/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Browser newBrowser() {
        String id = UUID.randomUUID().toString();
        Browser browser = new Browser(id, origin() + "/push/" + id, BrowserPushKeys.generate());
        browsers.put(id, browser);
        return browser;
    }

    List<Received> forBrowser(Browser browser) {
        return accepted.stream().filter(r -> r.browser().equals(browser.id())).toList();
    }

    List<Received> forItem(Browser browser, String itemId) {
        return forBrowser(browser).stream().filter(r -> r.json().path("url").asString().endsWith("/moderation/items/" + itemId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        calls.merge(id, 1, Integer::sum);
        Browser browser = browsers.get(id);
        int status;
        if (browser == null) {
            status = 404;
        } else {
            String problem = null;
            String vapidKey = null;
            try {
                vapidKey = checkVapid(exchange.getRequestHeaders().getFirst("Authorization"));
                if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    problem = "Content-Encoding is not aes128gcm";
                } else if (exchange.getRequestHeaders().getFirst("TTL") == null) {
                    problem = "no TTL";
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                problem = "VAPID: " + e.getMessage();
            }
            status = problem != null ? 401 : answer.getOrDefault(id, 201);
            if (problem != null) {
                refused.add(problem);
            } else if (status / 100 == 2) {
                try {
                    String payload = new String(browser.keys().decrypt(body), StandardCharsets.UTF_8);
                    accepted.add(new Received(at, id, payload, JSON.readTree(payload), vapidKey,
                            Map.of("Urgency", String.valueOf(exchange.getRequestHeaders().getFirst("Urgency")),
                                    "TTL", exchange.getRequestHeaders().getFirst("TTL"))));
                } catch (GeneralSecurityException e) {
                    refused.add("cannot decrypt: " + e.getMessage());
                    status = 400;
                }
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** RFC 8292: {@code vapid t=JWT, k=KEY}; the JWT's signature checked with KEY. Returns KEY. */
    private String checkVapid(String authorization) throws GeneralSecurityException {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new GeneralSecurityException("no vapid authorization");
        }
        String token = null;
        String key = null;
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                token = p.substring(2);
            } else if (p.startsWith("k=")) {
                key = p.substring(2);
            }
        }
        if (token == null || key == null) {
            throw new GeneralSecurityException("t or k missing");
        }
        String[] jwt = token.split("\\.");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        JsonNode header = JSON.readTree(b64.decode(jwt[0]));
        JsonNode claims = JSON.readTree(b64.decode(jwt[1]));
        if (!"ES256".equals(header.path("alg").asString())) {
            throw new GeneralSecurityException("alg is not ES256");
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(BrowserPushKeys.publicKey(b64.decode(key)));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(b64.decode(jwt[2]))) {
            throw new GeneralSecurityException("signature does not verify with k");
        }
        long now = Instant.now().getEpochSecond();
        long exp = claims.path("exp").asLong();
        if (!origin().equals(claims.path("aud").asString())) {
            throw new GeneralSecurityException("aud is not this push service's origin");
        }
        if (exp <= now || exp > now + 24 * 3600) {
            throw new GeneralSecurityException("exp not within the next 24 hours");
        }
        if (!subject.equals(claims.path("sub").asString())) {
            throw new GeneralSecurityException("sub is not the operator's contact");
        }
        return key;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
