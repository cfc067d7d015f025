package app.village.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

import app.village.support.RealCsrfTokens;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/** Bad input and probing over real HTTP (Tomcat decodes the address, not a mock). */
@VillageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputOverHttpTest {

    @LocalServerPort int port;
    @Autowired TestMembers members;
    @Autowired WebApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(TestMembers.Created m) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((m.email() + ":" + TestMembers.PASSWORD).getBytes());
    }

    @BeforeEach
    void villagesOwnCsrfTokens() {
        RealCsrfTokens.restore(application);
    }

    @Test
    void aQueryThatIsNotUtf8IsRefusedWith400AndNothingOfItIsLogged(CapturedOutput output) throws Exception {
        TestMembers.Created m = members.mother();
        int before = output.getAll().length();
        for (String path : List.of("/?q=%FF%FE", "/guides?q=%FF%FEsecretword", "/stories/search?q=%C3%28secretword",
                "/api/guides?q=%FF%FE", "/api/search?q=%ED%A0%80secretword", "/signin?error=%FF")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(400);
            HttpResponse<String> member = get(path, basic(m));
            assertThat(member.statusCode()).as(path + " signed in").isEqualTo(400);
            if (path.startsWith("/api/")) {
                assertThat(member.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("secretword").doesNotContain("\u00ff\u00fe").doesNotContain("\ufffd");
        // Valid UTF-8, percent-encoded or not, still works.
        assertThat(get("/guides?q=%C3%A9t%C3%A9+sleep", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aFormThatIsNotUtf8IsRefusedWith400OnAPageAndNothingOfItIsLogged(CapturedOutput output) throws Exception {
        TestMembers.Created m = members.mother();
        int before = output.getAll().length();
        for (byte[] body : List.of("title=%FF%FEsecretword&body=words".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                concat("title=".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[]{(byte) 0xFF, (byte) 0xFE},
                        "secretword&body=words".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            HttpResponse<String> page = send("POST", "/posts", basic(m), FORM, body);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("We could not read that").contains("Need help now?").doesNotContain("secretword");
        }
        assertThat(output.getAll().substring(before)).doesNotContain("secretword").doesNotContain("\tat ");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void anAddressTheServerCannotDecodeIsAProblemForTheApiAndAPageForPeople() throws Exception {
        TestMembers.Created m = members.mother();
        HttpResponse<String> api = get("/api/posts/%FF%FEsecretword", basic(m));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":400").doesNotContain("secretword");
        HttpResponse<String> page = get("/posts/%FF%FEsecretword", basic(m));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Need help now?").doesNotContain("secretword").doesNotContain("Apache Tomcat");
    }

    @Test
    void aFormTooLargeForVillageIsRefusedOnAPage() throws Exception {
        TestMembers.Created m = members.mother();
        byte[] body = ("title=t&body=" + "a".repeat(1_200_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> page = send("POST", "/posts", basic(m), FORM, body);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("That was too long").contains("Need help now?");
        HttpResponse<String> api = send("POST", "/api/posts", basic(m), "application/json",
                ("{\"title\":\"t\",\"body\":\"" + "a".repeat(1_200_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aDamagedFormFieldIsA400PageNeverA500(CapturedOutput output) throws Exception {
        TestMembers.Created m = members.mother();
        int before = output.getAll().length();
        HttpResponse<String> post = send("POST", "/posts", basic(m), FORM,
                "title=t&body=words&visibility=PRIVATE&version=secretword".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("Part of the form could not be read");
        // An entry's edit form without its version: refused in words (it unboxed a null into a 500 before).
        String entry = tools.jackson.databind.json.JsonMapper.builder().build().readTree(send("POST", "/api/journal/entries", basic(m),
                "application/json", "{\"body\":\"A quiet day\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).body()).path("id").asString();
        HttpResponse<String> edit = send("POST", "/journal/entries/" + entry + "/edit", basic(m), FORM,
                "body=secretword".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(output.getAll().substring(before)).doesNotContain("secretword").doesNotContain("\tat ");
    }

    @Test
    void malformedRequestsToTheOnCallMessagesAndAuditApiAreProblemsNot500s() throws Exception {
        TestMembers.Created moderator = members.withRole("MODERATOR");
        TestMembers.Created admin = members.withRole("ADMIN");
        for (String body : List.of("", "{\"onCall\":", "{\"onCall\":\"secretword\"}", "[]")) {
            HttpResponse<String> put = send("PUT", "/api/moderation/on-call", basic(moderator), "application/json",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(put.statusCode()).as(body).isEqualTo(400);
            assertThat(put.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> audit = get("/api/admin/audit?before=secretword", basic(admin));
        assertThat(audit.statusCode()).isEqualTo(400);
        assertThat(audit.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anEmailWithANulByteFindsNobodyInsteadOfBreakingTheQuery() throws Exception {
        TestMembers.Created admin = members.withRole("ADMIN");
        HttpResponse<String> grant = send("POST", "/api/admin/roles", basic(admin), "application/json",
                "{\"email\":\"someone\\u0000@example.org\",\"role\":\"MODERATOR\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(grant.statusCode()).isEqualTo(404);
        // From an address of its own: a failed sign-in counts against its address, and other tests sign in from 127.0.0.1.
        HttpClient elsewhere = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName("127.0.12.34")).build();
        HttpResponse<String> signIn = elsewhere.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signin"))
                .header("Content-Type", FORM).header("Cookie", "XSRF-TOKEN=t").header("X-XSRF-TOKEN", "t")
                .POST(HttpRequest.BodyPublishers.ofString("email=someone%00%40example.org&password=whatever+it+is")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.headers().map() + " " + signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).contains("/signin?error");
    }

    @Test
    void passwordsOver72BytesAreRefusedInWordsNeverA500(CapturedOutput output) throws Exception {
        String tooLong = "é".repeat(40); // 40 characters, 80 bytes: bcrypt would read only the first 72
        HttpResponse<String> signUp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"long-" + java.util.UUID.randomUUID()
                        + "@example.org\",\"password\":\"" + tooLong + "\",\"handle\":\"long_" + java.util.UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"familyRole\":\"MOTHER\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).isEqualTo(400);
        assertThat(signUp.body()).contains("\"field\":\"password\"").contains("72 bytes");

        TestMembers.Created m = members.mother();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((m.email() + ":" + "x".repeat(100))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(get("/api/me", basic).statusCode()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("more than 72 bytes");
    }

    @Test
    void theActuatorIndexIsNotReadableButTheProbesAre() throws Exception {
        TestMembers.Created m = members.father();
        assertThat(get("/actuator", basic(m)).statusCode()).isIn(403, 404);
        assertThat(get("/actuator", null).statusCode()).isIn(302, 401, 403, 404);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesSendAPermissionsPolicy() throws Exception {
        assertThat(get("/", null).headers().firstValue("Permissions-Policy").orElse(""))
                .contains("camera=()").contains("microphone=()").contains("geolocation=()");
    }
}
