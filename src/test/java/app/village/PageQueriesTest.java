package app.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.support.SqlStatements;
import app.village.support.Cookies;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * The feed and a thread run the same SQL statements however much there is to show: counted over real
 * HTTP with a signed-in session (its handling included), with 5 and then with 50 posts and replies.
 * A statement per post, reply or writer would make the second count larger. Session handling is one
 * indexed read and writes nothing while the session is unchanged; an anonymous page makes no session.
 */
@VillageIntegrationTest
class PageQueriesTest {

    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired SqlStatements sql;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Autowired org.springframework.web.context.WebApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * MockMvc's {@code csrf()} in other tests of this shared context swaps the CSRF filter's cookie repository
     * for a session one (Spring Security's test support does so on the shared filter); these requests are a
     * browser's, so put the application's repository back.
     */
    @org.junit.jupiter.api.BeforeEach
    void applicationsCsrfRepository() {
        Cookies.restoreApplicationsCsrfRepository(context);
    }

    @Test
    void feedAndThreadRunAFixedNumberOfStatementsWhateverTheirSize() throws Exception {
        TestMembers.Created viewer = members.mother();
        String cookies = signIn(viewer);
        List<TestMembers.Created> writers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writers.add(i % 2 == 0 ? members.mother() : members.father());
        }
        UUID thread = publish(writers.get(0), 0);
        for (int i = 1; i < 5; i++) {
            publish(writers.get(i % writers.size()), i);
        }
        for (int i = 0; i < 5; i++) {
            community.reply(writers.get(i % writers.size()).id(), thread, "Reply number " + i + ": you are not alone in this.", null);
        }
        List<String> smallFeed = statements(cookies, "/feed", "feed-5");
        List<String> smallThread = statements(cookies, "/posts/" + thread, "thread-5");

        for (int i = 5; i < 50; i++) {
            publish(writers.get(i % writers.size()), i);
            community.reply(writers.get(i % writers.size()).id(), thread, "Reply number " + i + ": it gets easier, slowly.", null);
        }
        List<String> bigFeed = statements(cookies, "/feed", "feed-50");
        String bigThreadPage = page(cookies, "/posts/" + thread, "thread-50");
        List<String> bigThread = sql.of("thread-50");

        assertThat(bigThreadPage).contains("Reply number 49").contains("Reply number 0");
        assertThat(bigFeed).as("the feed's statements with 50 posts").hasSameSizeAs(smallFeed);
        assertThat(bigThread).as("the thread's statements with 50 replies").hasSameSizeAs(smallThread);
        System.out.printf("PAGE-QUERIES feed=%d thread=%d%n  feed: %s%n  thread: %s%n", bigFeed.size(), bigThread.size(),
                String.join("\n        ", bigFeed), String.join("\n        ", bigThread));
        // Session handling: one read of the session by its indexed id, and no write of an unchanged session.
        for (List<String> request : List.of(bigFeed, bigThread)) {
            assertThat(request.stream().filter(s -> s.toLowerCase().contains("spring_session")))
                    .singleElement().satisfies(s -> assertThat(s).startsWith("SELECT").contains("SESSION_ID = ?"));
        }
        assertThat(bigFeed.size()).as("statements on the feed").isLessThanOrEqualTo(5);
        assertThat(bigThread.size()).as("statements on a thread").isLessThanOrEqualTo(15);
    }

    @Test
    void anonymousPagesMakeNoSession() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
        String favicon = http.send(HttpRequest.newBuilder(uri("/help")).build(), HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll("(?s).*href=\"(/favicon-[0-9a-f]+\\.svg)\".*", "$1");
        // The favicon's hashed name too: a browser asks for it before signing in.
        for (String path : List.of("/", "/help", "/guides", "/signin", "/signup", favicon)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("VILLAGE_SESSION"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isEqualTo(before);
        // Village maps only its own static folders; springdoc maps the API documentation's files itself.
        HttpResponse<String> docs = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(uri("/api/docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as(docs.uri().toString()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
    }

    private UUID publish(TestMembers.Created writer, int i) {
        return community.publish(writer.id(), new PostDraft("A story about nights, number " + i,
                "Night " + i + " was long and the baby would not settle, and I felt far away from her.",
                "COMMUNITY", null, 3, null));
    }

    private List<String> statements(String cookies, String path, String key) throws Exception {
        page(cookies, path, key);
        return sql.of(key);
    }

    private String page(String cookies, String path, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies)
                .header("Accept", "text/html").header(SqlStatements.HEADER, key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Signs in through the form as a browser does; returns the Cookie header to send afterwards. */
    private String signIn(TestMembers.Created member) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/signin")).build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = Cookies.value(form, "XSRF-TOKEN");
        String body = "email=" + URLEncoder.encode(member.email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestMembers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + xsrf;
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return "VILLAGE_SESSION=" + Cookies.value(signedIn, "VILLAGE_SESSION") + "; XSRF-TOKEN=" + xsrf;
    }


    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
