package app.village.safety;

import static app.village.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * Every view of a held or hidden post or reply by a moderator or an admin leaves one audit entry (who, what,
 * when, where; never the text), and its writer's own views leave none: path by path for the pages and API
 * operations that show such a text, then over every GET route the application has, so that a page added
 * later cannot show one unaudited.
 */
@VillageIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldTextViewsTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;

    private final long seed = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    /** Each hidden text carries its own word, so a page that shows it can be told apart. */
    private final String heldWord = "qzheldpost" + seed;
    private final String replyWord = "qzheldreply" + seed;
    private final String hiddenWord = "qzhiddenpost" + seed;

    /** Words of the hidden texts for the search pages, without their marker words (search pages repeat the query). */
    private static final String SEARCH = "scared shake her hard hurt screams quiet evening feeding better";

    private TestMembers.Created writer;
    private TestMembers.Created moderator;
    private TestMembers.Created admin;
    private final Map<String, UUID> ids = new LinkedHashMap<>();

    @BeforeAll
    void texts() throws Exception {
        writer = members.mother();
        TestMembers.Created threadWriter = members.father();
        moderator = members.withRole("MODERATOR");
        admin = members.withRole("ADMIN");
        UUID held = community.publish(writer.id(), new PostDraft(SafetyTexts.HELD_TITLE + " " + heldWord,
                SafetyTexts.URGENT_HARM_TO_CHILD + " " + heldWord + ".", "COMMUNITY", null, null, null));
        UUID thread = community.publish(threadWriter.id(), new PostDraft(SafetyTexts.CALM_TITLE, SafetyTexts.CALM, "COMMUNITY", null,
                null, null));
        UUID heldReply = community.reply(writer.id(), thread, SafetyTexts.URGENT_HARM_TO_CHILD + " " + replyWord + ".", null);
        UUID hidden = community.publish(writer.id(), new PostDraft("A quiet evening " + hiddenWord,
                SafetyTexts.CALM + " " + hiddenWord + ".", "COMMUNITY", null, null, null));
        // The moderator follows it and is told of a reply, titled with it, before it is hidden.
        community.follow(moderator.id(), hidden, true);
        community.follow(admin.id(), hidden, true);
        community.reply(threadWriter.id(), hidden, "Lovely to hear, well done.", null);
        community.hide("POST", hidden, false);
        eventually("the post held", () -> community.hiddenState("POST", held).filter(h -> h.held()).orElse(null));
        eventually("the reply held", () -> community.hiddenState("REPLY", heldReply).filter(h -> h.held()).orElse(null));
        UUID heldItem = eventually("the held post's item", () -> jdbc.sql("SELECT id FROM safety_items WHERE subject_id = ?")
                .param(held).query(UUID.class).optional().orElse(null));
        ids.put("held", held);
        ids.put("thread", thread);
        ids.put("heldReply", heldReply);
        ids.put("hidden", hidden);
        ids.put("heldItem", heldItem);
    }

    static Stream<Arguments> views() {
        return Stream.of(
                arguments("the thread page of a held post", "/posts/{held}", "held", "VIEW_HELD"),
                arguments("GET /api/posts/{id} of a held post", "/api/posts/{held}", "held", "VIEW_HELD"),
                arguments("the thread page around a held reply", "/posts/{thread}", "heldReply", "VIEW_HELD"),
                arguments("GET /api/posts/{id} around a held reply", "/api/posts/{thread}", "heldReply", "VIEW_HELD"),
                arguments("the queue item page of a held post", "/moderation/items/{heldItem}", "held", "VIEW_HELD"),
                arguments("the thread page of a hidden post", "/posts/{hidden}", "hidden", "VIEW_HIDDEN"),
                arguments("GET /api/posts/{id} of a hidden post", "/api/posts/{hidden}", "hidden", "VIEW_HIDDEN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void eachViewByAModeratorOrAnAdminIsAuditedOnceAndItsWritersOwnViewsAreNot(String name, String path, String subject,
                                                                               String action) throws Exception {
        UUID subjectId = ids.get(subject);
        String word = word(subject);
        String url = fill(path);
        for (TestMembers.Created staff : List.of(moderator, admin)) {
            long before = entries(staff, subjectId, action);
            String body = mvc.perform(get(url).with(user(staff.user()))).andReturn().getResponse().getContentAsString();
            assertThat(body).as(name + " shows the text").contains(word);
            assertThat(entries(staff, subjectId, action)).as(name + ": one new entry").isEqualTo(before + 1);
            Map<String, Object> entry = jdbc.sql("""
                    SELECT at, detail, subject_kind FROM safety_audit WHERE actor_id = ? AND subject_id = ? ORDER BY id DESC LIMIT 1""")
                    .params(staff.id(), subjectId).query().singleRow();
            assertThat(entry.get("at")).isNotNull();
            assertThat(entry.get("subject_kind")).isEqualTo(subject.equals("heldReply") ? "REPLY" : "POST");
            assertThat((String) entry.get("detail")).as("where, never what").startsWith("on ").doesNotContain(word)
                    .doesNotContain(SafetyTexts.HELD_TITLE);
        }
        long writers = jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ?").param(writer.id()).query(Long.class).single();
        MvcResult own = mvc.perform(get(url).with(user(writer.user()))).andReturn();
        if (!path.startsWith("/moderation")) {
            assertThat(own.getResponse().getStatus()).isEqualTo(200);
            assertThat(own.getResponse().getContentAsString()).as("the writer reads their own text").contains(word);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM safety_audit WHERE actor_id = ?").param(writer.id()).query(Long.class).single())
                .as("the writer's own view is not audited").isEqualTo(writers);
    }

    /**
     * Every GET route, each path variable filled with each of the texts' ids (and the held post's queue item), asked by a
     * moderator and by an admin with the texts' words as a search: wherever a hidden text's word appears in an answer, an
     * audit entry for that text and that person was added by that request.
     */
    @Test
    void noRouteShowsAHeldOrHiddenTextToStaffWithoutAnAuditEntry() throws Exception {
        Map<String, UUID> words = Map.of(heldWord, ids.get("held"), replyWord, ids.get("heldReply"), hiddenWord, ids.get("hidden"));
        List<String> paths = getRoutes();
        List<String> unaudited = new ArrayList<>();
        Set<String> showing = new TreeSet<>();
        int requests = 0;
        for (TestMembers.Created staff : List.of(moderator, admin)) {
            for (String path : paths) {
                Map<UUID, Long> before = new LinkedHashMap<>();
                words.values().forEach(id -> before.put(id, entries(staff, id, null)));
                String body;
                try {
                    body = mvc.perform(get(path).param("q", SEARCH).with(user(staff.user())))
                            .andReturn().getResponse().getContentAsString();
                } catch (Exception refused) {
                    continue; // an error answers nothing, so it shows nothing
                }
                requests++;
                for (Map.Entry<String, UUID> w : words.entrySet()) {
                    if (body.contains(w.getKey())) {
                        showing.add(path.replace(w.getValue().toString(), "{id}"));
                        if (entries(staff, w.getValue(), null) <= before.get(w.getValue())) {
                            unaudited.add(path + " shows " + w.getKey() + " to " + staff.member().handle() + " unaudited");
                        }
                    }
                }
            }
        }
        System.out.printf("HELD-VIEWS routes=%d requests=%d showing=%s%n", paths.size(), requests, showing);
        assertThat(unaudited).isEmpty();
        assertThat(showing).as("the sweep reached the pages that do show them")
                .contains("/posts/{id}", "/api/posts/{id}", "/moderation/items/" + ids.get("heldItem"));
    }

    /** Every GET route's pattern, its variables filled with each of the fixture's ids in turn. */
    private List<String> getRoutes() {
        Pattern variable = Pattern.compile("\\{[^}]+}");
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("*")) {
                    continue;
                }
                Matcher m = variable.matcher(pattern);
                if (!m.find()) {
                    out.add(pattern);
                    continue;
                }
                for (UUID id : ids.values()) {
                    out.add(variable.matcher(pattern).replaceAll(id.toString()));
                }
            }
        }
        return List.copyOf(out);
    }

    private String fill(String path) {
        String out = path;
        for (Map.Entry<String, UUID> e : ids.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue().toString());
        }
        return out;
    }

    private String word(String subject) {
        return switch (subject) {
            case "held" -> heldWord;
            case "heldReply" -> replyWord;
            default -> hiddenWord;
        };
    }

    /** Audit entries of views of this text by this person ({@code action} null: either kind). */
    private long entries(TestMembers.Created who, UUID subjectId, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM safety_audit WHERE actor_id = ? AND subject_id = ?
                  AND action = coalesce(CAST(? AS text), action) AND action IN ('VIEW_HELD', 'VIEW_HIDDEN')""")
                .params(who.id(), subjectId, action).query(Long.class).single();
    }

}
