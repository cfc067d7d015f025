package app.village.safety.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback, as an operator's would be: it checks the signature over the timestamp
 * and body with the shared secret and refuses old timestamps, and keeps every request it accepted with
 * the moment it arrived. {@link #status} makes it fail on purpose.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(Instant at, JsonNode body, String rawBody, String delivery) {
        String itemId() {
            return body.path("itemId").asString();
        }

        int step() {
            return body.path("step").asInt();
        }
    }

    private final HttpServer server;
    private final String secret;
    final List<Received> accepted = new CopyOnWriteArrayList<>();
    final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
    volatile int status = 204;
    volatile int calls;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            calls++;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Village-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Village-Signature");
            int answer = status;
            if (!valid(timestamp, signature, body)) {
                refusedSignatures.add(body);
                answer = 401;
            } else if (answer / 100 == 2) {
                accepted.add(new Received(at, JSON.readTree(body), body, exchange.getRequestHeaders().getFirst("X-Village-Delivery")));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** What a receiver must do: recompute the HMAC over "timestamp.body", compare in constant time, refuse stale timestamps. */
    private boolean valid(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
        } catch (Exception e) {
            return false;
        }
    }

    List<Received> forItem(String itemId, int step) {
        return accepted.stream().filter(r -> r.itemId().equals(itemId) && r.step() == step).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
