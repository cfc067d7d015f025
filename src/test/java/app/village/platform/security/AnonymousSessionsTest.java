package app.village.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.support.Cookies;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * Requests that need no session store none, over real HTTP: anonymous API calls answered 401 (no credentials,
 * wrong Basic credentials), a page that needs an account (sent to sign in), public pages and API, static
 * files, and failed sign-ins (a wrong password, an unknown email, a missing CSRF token). Counted as rows of the session table created while they ran; a
 * successful sign-in, counted the same way, makes exactly one.
 */
@VillageIntegrationTest
class AnonymousSessionsTest {

    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.web.context.WebApplicationContext context;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void applicationsCsrfRepository() {
        Cookies.restoreApplicationsCsrfRepository(context);
    }

    @Test
    void anonymousRequestsAndFailedSignInsStoreNoSession() throws Exception {
        TestMembers.Created member = members.mother();
        long start = System.currentTimeMillis();
        List<String> tried = new ArrayList<>();

        for (String path : List.of("/api/posts", "/api/me", "/api/me/export", "/api/notifications", "/api/search?q=sleep",
                "/api/journal/entries", "/api/screenings", "/api/moderation/queue", "/api/admin/audit", "/api/safety/messages")) {
            expect(send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")), 401, "GET " + path, tried);
        }
        // Two wrong passwords by Basic and two by the form: enough to see, few enough for the address throttle to stay short.
        for (String path : List.of("/api/me", "/api/posts")) {
            expect(send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(member.email(), "not the password"))),
                    401, "GET " + path + " with wrong Basic credentials", tried);
        }
        expect(send(HttpRequest.newBuilder(uri("/api/posts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"body\":\"b\"}"))), 401, "POST /api/posts", tried);
        expect(send(HttpRequest.newBuilder(uri("/api/me")).DELETE()), 401, "DELETE /api/me", tried);

        // A page that needs an account sends the browser to sign in and remembers where it was in a cookie, not a session.
        HttpResponse<String> feed = send(HttpRequest.newBuilder(uri("/stories/search?q=sleep")).header("Accept", "text/html"));
        expect(feed, 302, "GET /stories/search?q=sleep, signed out", tried);
        assertThat(feed.headers().firstValue("Location").orElse("")).endsWith("/signin");
        String returnTo = Cookies.value(feed, "REDIRECT_URI");

        HttpResponse<String> help = send(HttpRequest.newBuilder(uri("/help")).header("Accept", "text/html"));
        Set<String> statics = new LinkedHashSet<>();
        Matcher files = Pattern.compile("(?:href|src)=\"(/(?:css|js)/[^\"]+|/[^\"/]+\\.svg)\"").matcher(help.body());
        while (files.find()) {
            statics.add(files.group(1));
        }
        assertThat(statics).as("static files linked from a page").anyMatch(s -> s.startsWith("/css/")).anyMatch(s -> s.endsWith(".svg"));
        List<String> open = new ArrayList<>(List.of("/", "/help", "/guides", "/signin", "/signup", "/api/guides",
                "/api/screenings/questionnaires", "/actuator/health", "/api/openapi"));
        open.addAll(statics);
        for (String path : open) {
            expect(send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8")), 200, "GET " + path, tried);
        }

        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/signin")));
        String xsrf = Cookies.value(form, "XSRF-TOKEN");
        for (String[] attempt : List.of(new String[] {member.email(), "not the password"},
                new String[] {"nobody-" + start + "@example.org", TestMembers.PASSWORD})) {
            HttpResponse<String> failed = signIn(attempt[0], attempt[1], xsrf);
            expect(failed, 302, "POST /signin as " + (attempt[0].equals(member.email()) ? "a member, wrong password" : "an unknown email"),
                    tried);
            // Refused either way: wrong, or asked to wait (this address's failures count across the suite).
            assertThat(failed.headers().firstValue("Location").orElse("")).containsAnyOf("/signin?error", "/signin?wait=");
        }
        expect(send(HttpRequest.newBuilder(uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(member.email(), TestMembers.PASSWORD, null)))), 403,
                "POST /signin without a CSRF token", tried);

        assertThat(sessionsSince(start)).as("session rows stored by " + tried.size() + " requests: " + tried).isZero();

        // The count can see a session: signing in makes exactly one, and it returns to the page that asked for it.
        HttpResponse<String> signedIn = signIn(member.email(), TestMembers.PASSWORD, xsrf, returnTo);
        for (int tries = 0; signedIn.headers().firstValue("Location").orElse("").contains("wait="); tries++) {
            assertThat(tries).as("still asked to wait").isLessThan(3);
            Thread.sleep(1_000L * Long.parseLong(signedIn.headers().firstValue("Location").orElseThrow().replaceAll(".*wait=(\\d+).*", "$1")));
            signedIn = signIn(member.email(), TestMembers.PASSWORD, xsrf, returnTo);
        }
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/stories/search?q=sleep");
        assertThat(sessionsSince(start)).isEqualTo(1);
        System.out.printf("ANONYMOUS-SESSIONS requests=%d sessions=0, then 1 after signing in%n", tried.size());
    }

    /** The failures above count against the loopback address; later classes sign in from it too. */
    @org.junit.jupiter.api.AfterEach
    void forgetLoopbackFailures() {
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?")
                    .param(app.village.accounts.security.SignInThrottle.key("address", address)).update();
        }
    }

    private long sessionsSince(long millis) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= ?").param(millis).query(Long.class).single();
    }

    private void expect(HttpResponse<String> response, int status, String what, List<String> tried) {
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().allValues("Set-Cookie")).as(what).noneMatch(c -> c.startsWith("VILLAGE_SESSION"));
        tried.add(what);
    }

    private HttpResponse<String> signIn(String email, String password, String xsrf) throws Exception {
        return signIn(email, password, xsrf, null);
    }

    private HttpResponse<String> signIn(String email, String password, String xsrf, String returnTo) throws Exception {
        return send(HttpRequest.newBuilder(uri("/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + xsrf + (returnTo == null ? "" : "; REDIRECT_URI=" + returnTo))
                .POST(HttpRequest.BodyPublishers.ofString(form(email, password, xsrf))));
    }

    private static String form(String email, String password, String xsrf) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (xsrf == null ? "" : "&_csrf=" + xsrf);
    }

    private static String basic(String email, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
