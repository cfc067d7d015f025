package app.village.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.community.PostDraft;
import app.village.platform.ConflictException;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

@VillageIntegrationTest
class CommunityApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired JdbcClient jdbc;

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestMembers.Created as, String body) {
        return request.with(user(as.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String publish(TestMembers.Created as, String title) throws Exception {
        String response = mvc.perform(json(post("/api/posts"), as,
                        "{\"title\":\"" + title + "\",\"body\":\"Some words\",\"childAgeMonths\":10}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void publishReadEditAndDeleteAPost() throws Exception {
        TestMembers.Created ann = members.mother();
        String id = publish(ann, "First");
        mvc.perform(get("/api/posts/" + id).with(user(ann.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.post.title").value("First"))
                .andExpect(jsonPath("$.post.childAgeMonths").value(10))
                .andExpect(jsonPath("$.post.mine").value(true))
                .andExpect(jsonPath("$.following").value(true));
        mvc.perform(json(put("/api/posts/" + id), ann, "{\"title\":\"Second\",\"body\":\"Changed\",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.title").value("Second"));
        mvc.perform(delete("/api/posts/" + id).with(user(ann.user())).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/posts/" + id).with(user(ann.user())))
                .andExpect(status().isNotFound()).andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void nobodyEditsOrDeletesSomeoneElsesPost() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        String id = publish(ann, "Ann's own");
        mvc.perform(json(put("/api/posts/" + id), bob, "{\"title\":\"Hacked\",\"body\":\"x\",\"version\":0}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Not allowed"));
        mvc.perform(delete("/api/posts/" + id).with(user(bob.user())).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/posts/" + id + "/edit").with(user(bob.user()))).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/edit").with(user(bob.user())).with(csrf())
                .param("title", "Hacked").param("body", "x").param("version", "0")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT title FROM posts WHERE id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Ann's own");
    }

    @Test
    void privatePostsAreInvisibleToOthersEverywhere() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        String response = mvc.perform(json(post("/api/posts"), ann,
                "{\"title\":\"Only for me " + ann.id() + "\",\"body\":\"secret\",\"visibility\":\"private\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.id");
        mvc.perform(get("/api/posts/" + id).with(user(bob.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + id).with(user(bob.user()))).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/posts/" + id + "/replies"), bob, "{\"body\":\"hi\"}")).andExpect(status().isNotFound());
        String bobsFeed = mvc.perform(get("/api/posts").with(user(bob.user()))).andReturn().getResponse().getContentAsString();
        assertThat(bobsFeed).doesNotContain(id);
        String annsFeed = mvc.perform(get("/api/posts").with(user(ann.user()))).andReturn().getResponse().getContentAsString();
        assertThat(annsFeed).contains(id);
    }

    @Test
    void replyNotifiesFollowersButNotTheReplier() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        String id = publish(ann, "Notify me");
        mvc.perform(json(post("/api/posts/" + id + "/replies"), bob, "{\"body\":\"You are not alone\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/notifications").with(user(ann.user())))
                .andExpect(jsonPath("$[0].postTitle").value("Notify me"))
                .andExpect(jsonPath("$[0].replierHandle").value(bob.member().handle()))
                .andExpect(jsonPath("$[0].read").value(false));
        mvc.perform(get("/api/notifications").with(user(bob.user()))).andExpect(jsonPath("$.length()").value(0));
        assertThat(community.unreadNotifications(ann.id())).isEqualTo(1);
        mvc.perform(get("/posts/" + id).with(user(ann.user()))).andExpect(status().isOk());
        assertThat(community.unreadNotifications(ann.id())).isZero();
    }

    @Test
    void reactionsCountOncePerMember() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        String id = publish(ann, "React");
        for (int i = 0; i < 3; i++) {
            mvc.perform(put("/api/posts/" + id + "/reactions/me_too").with(user(bob.user())).with(csrf())).andExpect(status().isNoContent());
        }
        mvc.perform(put("/api/posts/" + id + "/reactions/strength").with(user(bob.user())).with(csrf()));
        mvc.perform(get("/api/posts/" + id).with(user(ann.user())))
                .andExpect(jsonPath("$.reactions.ME_TOO").value(1))
                .andExpect(jsonPath("$.reactions.STRENGTH").value(1))
                .andExpect(jsonPath("$.reactions.THANK_YOU").value(0));
        mvc.perform(delete("/api/posts/" + id + "/reactions/me_too").with(user(bob.user())).with(csrf()));
        mvc.perform(get("/api/posts/" + id).with(user(ann.user()))).andExpect(jsonPath("$.reactions.ME_TOO").value(0));
        mvc.perform(put("/api/posts/" + id + "/reactions/angry").with(user(bob.user())).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
    }

    @Test
    void reportsAreStoredOncePerReporter() throws Exception {
        TestMembers.Created ann = members.mother();
        TestMembers.Created bob = members.father();
        String id = publish(ann, "Report me");
        String report = "{\"targetKind\":\"POST\",\"targetId\":\"" + id + "\",\"reason\":\"RISK_OF_HARM\",\"details\":\"worried\"}";
        mvc.perform(json(post("/api/reports"), bob, report)).andExpect(status().isCreated());
        mvc.perform(json(post("/api/reports"), bob, report)).andExpect(status().isOk()).andExpect(jsonPath("$.new").value(false));
        assertThat(count("SELECT count(*) FROM reports WHERE target_id = ?", UUID.fromString(id))).isEqualTo(1);
        mvc.perform(json(post("/api/reports"), bob, "{\"targetKind\":\"POST\",\"targetId\":\"" + id + "\",\"reason\":\"BORED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
    }

    @Test
    void aWriterCannotReportTheirOwnTextSoAPrivatePostNeverReachesTheModerators() throws Exception {
        TestMembers.Created ann = members.mother();
        String id = JsonPath.read(mvc.perform(json(post("/api/posts"), ann,
                        "{\"title\":\"Only me\",\"body\":\"Words for nobody else\",\"visibility\":\"PRIVATE\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String reply = JsonPath.read(mvc.perform(json(post("/api/posts/" + id + "/replies"), ann, "{\"body\":\"And more\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(json(post("/api/reports"), ann, "{\"targetKind\":\"POST\",\"targetId\":\"" + id + "\",\"reason\":\"OTHER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetId"));
        mvc.perform(json(post("/api/reports"), ann, "{\"targetKind\":\"REPLY\",\"targetId\":\"" + reply + "\",\"reason\":\"OTHER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetId"));
        mvc.perform(post("/report").with(user(ann.user())).with(csrf()).param("kind", "POST").param("id", id).param("post", id)
                .param("reason", "OTHER")).andExpect(status().isBadRequest());
        assertThat(count("SELECT count(*) FROM reports WHERE post_id = ?", UUID.fromString(id))).isZero();
    }

    @Test
    void theSameIdempotencyKeyPublishesOnce() throws Exception {
        TestMembers.Created ann = members.mother();
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(json(post("/api/posts"), ann, "{\"title\":\"Once\",\"body\":\"b\"}").header("Idempotency-Key", key))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(json(post("/api/posts"), ann, "{\"title\":\"Once\",\"body\":\"b\"}").header("Idempotency-Key", key))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id())).isEqualTo(1);
    }

    @Test
    void aDoubleClickedFormPublishesOnce() throws Exception {
        TestMembers.Created ann = members.mother();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/posts").with(user(ann.user())).with(csrf()).param("title", "Twice").param("body", "b")
                    .param("visibility", "COMMUNITY").param("submissionKey", key)).andExpect(status().is3xxRedirection());
        }
        assertThat(count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id())).isEqualTo(1);
    }

    @Test
    void concurrentRepliesWithOneKeySaveOneReply() throws Exception {
        TestMembers.Created ann = members.mother();
        Post post = community.publishPost(ann.id(), new PostDraft("Race", "b", null, null, null, null));
        UUID key = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit((Callable<Object>) () -> community.replyTo(ann.id(), post.id(), "same words", key)));
            }
            for (Future<?> f : results) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // A racing duplicate may lose at the unique constraint; what matters is one row.
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT count(*) FROM replies WHERE post_id = ?", post.id())).isEqualTo(1);
    }

    @Test
    void aStaleEditIsRefusedAndTheNewerTextKept() throws Exception {
        TestMembers.Created ann = members.mother();
        String id = publish(ann, "Versioned");
        mvc.perform(json(put("/api/posts/" + id), ann, "{\"title\":\"From phone\",\"body\":\"phone\",\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(json(put("/api/posts/" + id), ann, "{\"title\":\"From laptop\",\"body\":\"laptop\",\"version\":0}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("changed")));
        assertThat(jdbc.sql("SELECT title FROM posts WHERE id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("From phone");
        org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class, () -> community.edit(ann.id(), UUID.fromString(id), 0,
                new PostDraft("x", "y", null, null, null, null)));
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() throws Exception {
        TestMembers.Created ann = members.mother();
        long before = count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id());
        List<String> bodies = List.of(
                "{\"title\":\"\",\"body\":\"b\"}",
                "{\"title\":\"t\",\"body\":\"   \"}",
                "{\"title\":\"t\",\"body\":\"" + "x".repeat(20_001) + "\"}",
                "{\"title\":\"" + "t".repeat(201) + "\",\"body\":\"b\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"childAgeMonths\":-1}",
                "{\"title\":\"t\",\"body\":\"b\",\"childAgeMonths\":\"ten\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"visibility\":\"everyone\"}",
                "{\"title\":\"t\",\"body\":\"a\\u0000b\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"childId\":\"" + UUID.randomUUID() + "\"}",
                "{\"title\":\"t\",\"body\":",
                "[1,2,3]",
                "");
        for (String body : bodies) {
            mvc.perform(json(post("/api/posts"), ann, body))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        assertThat(count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id())).isEqualTo(before);
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() throws Exception {
        TestMembers.Created ann = members.mother();
        String huge = "{\"title\":\"t\",\"body\":\"" + "z".repeat(1_100_000) + "\"}";
        mvc.perform(json(post("/api/posts"), ann, huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("larger than Village accepts")));
        assertThat(count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id())).isZero();
    }

    @Test
    void malformedUtf8IsRefusedClearly() throws Exception {
        TestMembers.Created ann = members.mother();
        byte[] prefix = "{\"title\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, broken, 0, prefix.length);
        broken[prefix.length] = (byte) 0xC3;
        broken[prefix.length + 1] = (byte) 0x28; // an invalid continuation byte
        System.arraycopy(suffix, 0, broken, prefix.length + 2, suffix.length);
        mvc.perform(post("/api/posts").with(user(ann.user())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(broken))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/posts").with(user(ann.user())).with(csrf()).param("title", "caf\uFFFD").param("body", "b"))
                .andExpect(status().isBadRequest());
        assertThat(count("SELECT count(*) FROM posts WHERE author_id = ?", ann.id())).isZero();
    }

    @Test
    void sqlAndHtmlAreStoredAsTextAndNeverRenderedAsMarkup() throws Exception {
        TestMembers.Created ann = members.mother();
        String title = "Robert'); DROP TABLE posts;--";
        String body = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Post post = community.publishPost(ann.id(), new PostDraft(title, body, null, null, null, null));
        assertThat(community.thread(ann.id(), post.id(), "a test").post().title()).isEqualTo(title);
        String html = mvc.perform(get("/posts/" + post.id()).with(user(ann.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void signedOutVisitorsCannotPostOrRead() throws Exception {
        mvc.perform(post("/api/posts").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"t\",\"body\":\"b\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/feed")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/signin")));
        mvc.perform(get("/help")).andExpect(status().isOk());
    }

    @Test
    void theFeedPagesNewestFirst() throws Exception {
        TestMembers.Created ann = members.mother();
        for (int i = 0; i < CommunityService.PAGE_SIZE + 2; i++) {
            community.publishPost(ann.id(), new PostDraft("Paged " + i, "b", null, null, null, null));
        }
        mvc.perform(get("/api/posts").with(user(ann.user())))
                .andExpect(jsonPath("$.posts.length()").value(CommunityService.PAGE_SIZE))
                .andExpect(jsonPath("$.hasNext").value(true))
                .andExpect(jsonPath("$.posts[0].title").value("Paged " + (CommunityService.PAGE_SIZE + 1)));
        mvc.perform(get("/feed").param("page", "2").with(user(ann.user()))).andExpect(status().isOk());
        mvc.perform(get("/feed").param("page", "abc").with(user(ann.user()))).andExpect(status().isNotFound());
    }

    @Test
    void openApiDocumentsTheApi() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/posts']").exists())
                .andExpect(jsonPath("$.paths['/api/me/export']").exists());
        // The same document as YAML is as public as the JSON (it asked for a sign-in before).
        String yaml = mvc.perform(get("/api/openapi.yaml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(yaml).contains("/api/posts:");
    }
}
