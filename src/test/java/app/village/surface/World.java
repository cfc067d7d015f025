package app.village.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.village.support.TestMembers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Six people and member A's things, planted through the API and pages as A would make them: private posts and
 * replies, journal entries, check-ins, a screening, children, requests for support; a public post that B replies to
 * and reports (so the moderators have an item), and an on-call rota slot. Every private text carries a marker word
 * of its own, which must never reach anyone but A; {@link #fill} writes fixture values into request templates.
 */
final class World {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Visitor anonymous;
    final Visitor a;
    final Visitor b;
    final Visitor clinician;
    final Visitor moderator;
    final Visitor admin;

    private final JdbcClient jdbc;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> markers = new LinkedHashMap<>();

    private World(int port, JdbcClient jdbc, java.net.InetAddress from) {
        this.jdbc = jdbc;
        this.anonymous = new Visitor("anonymous", port, from);
        this.a = new Visitor("member A", port, from);
        this.b = new Visitor("member B", port, from);
        this.clinician = new Visitor("clinician", port, from);
        this.moderator = new Visitor("moderator", port, from);
        this.admin = new Visitor("admin", port, from);
    }

    Visitor as(AccessPolicy.Who who) {
        return switch (who) {
            case ANONYMOUS -> anonymous;
            case MEMBER_B -> b;
            case CLINICIAN -> clinician;
            case MODERATOR -> moderator;
            case ADMIN -> admin;
            case MEMBER_A -> a;
        };
    }

    /** The person an operation is for: nobody in particular for public ones, A for a member's, else the staff it needs. */
    Visitor usualUser(AccessPolicy.Access access) {
        return switch (access) {
            case PUBLIC -> anonymous;
            case MEMBER, OWNER -> a;
            case MODERATOR -> moderator;
            case ADMIN -> admin;
        };
    }

    /** A's private words: none of them may appear in what anyone else receives, or in the log. */
    Map<String, String> markers() {
        return Map.copyOf(markers);
    }

    static String word(String prefix) {
        StringBuilder w = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private String marker(String what) {
        String m = word("zqm");
        markers.put(what, m);
        return m;
    }

    static World plant(int port, TestMembers members, JdbcClient jdbc) {
        World w = new World(port, jdbc, Visitor.someLoopbackAddress());
        w.plant(members);
        return w;
    }

    private void plant(TestMembers members) {
        TestMembers.Created memberA = members.mother();
        TestMembers.Created memberB = members.father();
        TestMembers.Created clin = members.withRole("CLINICIAN");
        TestMembers.Created mod = members.withRole("MODERATOR");
        TestMembers.Created adm = members.withRole("ADMIN");
        TestMembers.Created grantee = members.father();
        values.put("moderatorId", mod.id().toString());
        values.put("adminId", adm.id().toString());
        values.put("granteeEmail", grantee.email());
        values.put("granteeId", grantee.id().toString());
        markers.put("A's email address", memberA.email());

        anonymous.openAPage();
        a.signIn(memberA.email(), TestMembers.PASSWORD);
        b.signIn(memberB.email(), TestMembers.PASSWORD);
        clinician.signIn(clin.email(), TestMembers.PASSWORD);
        moderator.signIn(mod.email(), TestMembers.PASSWORD);
        admin.signIn(adm.email(), TestMembers.PASSWORD);

        for (String child : List.of("child", "child2")) {
            values.put(child, id(a.json("POST", "/api/me/children",
                    "{\"nickname\":\"Kid " + marker("A's " + child + "'s nickname") + "\",\"birthMonth\":\"2026-03\"}"), 201));
        }
        for (String post : List.of("privatePost", "privatePost2")) {
            String title = marker(post + " title");
            String body = marker(post + " body");
            values.put("title." + post, title);
            values.put("body." + post, body);
            values.put("word." + post, word("zqw"));
            values.put(post, id(a.json("POST", "/api/posts", postJson("Only me " + title,
                    "Nobody else should read this. " + body + " " + values.get("word." + post), "PRIVATE")), 201));
        }
        values.put("publicPost", id(a.json("POST", "/api/posts", postJson("Long nights with our son",
                "He wakes every hour and I am so tired. How do other parents cope with the nights?", "COMMUNITY")), 201));
        for (String reply : List.of("privateReply", "privateReply2")) {
            values.put("body." + reply, marker(reply));
            values.put(reply, id(a.json("POST", "/api/posts/" + values.get("privatePost") + "/replies",
                    "{\"body\":\"A note to myself: " + values.get("body." + reply) + "\"}"), 201));
        }
        for (String entry : List.of("entry", "entry2")) {
            values.put("body." + entry, marker("journal " + entry));
            values.put("word." + entry, word("zqw"));
            values.put(entry, id(a.json("POST", "/api/journal/entries", "{\"body\":\"Today I felt " + values.get("body." + entry)
                    + " and " + values.get("word." + entry) + ".\"}"), 201));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        values.put("day3", today.minusDays(2).toString());
        for (String day : List.of("day", "day2")) {
            LocalDate d = day.equals("day") ? today : today.minusDays(1);
            values.put(day, d.toString());
            values.put("note." + day, marker("check-in note of " + day));
            expect(a.json("PUT", "/api/journal/check-ins/" + d, "{\"mood\":5,\"note\":\"" + values.get("note." + day)
                    + "\",\"timeZone\":\"UTC\"}"), 201);
        }
        values.put("screening", id(a.json("POST", "/api/screenings", phq9()), 201));
        expect(a.send("POST", "/api/journal/entries/" + values.get("entry") + "/support-requests", null, null), 201);
        expect(a.send("POST", "/api/screenings/" + values.get("screening") + "/support-requests", null, null), 201);
        expect(b.json("POST", "/api/posts/" + values.get("publicPost") + "/replies",
                "{\"body\":\"The nights do get shorter, I promise. Sleep when you can.\"}"), 201);
        expect(b.json("POST", "/api/reports", "{\"targetKind\":\"POST\",\"targetId\":\"" + values.get("publicPost")
                + "\",\"reason\":\"UNKIND\"}"), 201);

        values.put("reportItem", eventually("the report's queue item",
                "SELECT id FROM safety_items WHERE source = 'REPORT' AND subject_id = ?", UUID.fromString(values.get("publicPost"))));
        values.put("journalSignal", eventually("the journal entry's support request",
                "SELECT id FROM safety_items WHERE member_id = ? AND source_key LIKE 'SIGNAL:journal:%'", memberA.id()));
        values.put("screeningSignal", eventually("the screening's support request", "SELECT id FROM safety_items WHERE source_key = ?",
                "SIGNAL:screening:" + values.get("screening")));

        // A rota slot to delete: on a day that is not today, at an hour nobody is paged, so it changes no one's on-call state.
        values.put("rotaDay", today.plusDays(3).getDayOfWeek().name());
        expect(admin.form("/admin/alerts/rota", Map.of("memberId", values.get("moderatorId"), "day", values.get("rotaDay"),
                "start", "03:00", "end", "03:01")), 302);
        values.put("rotaSlot", jdbc.sql("SELECT id FROM safety_rota WHERE member_id = ?").param(mod.id()).query(UUID.class)
                .single().toString());
        values.put("guide", JSON.readTree(expectBody(anonymous.get("/api/guides"), 200)).path("guides").path(0).path("slug").asString());
    }

    /** Takes this world's staff off the rota and off call, so no other test finds them there (a fuzzed request may have put them on). */
    void cleanUp() {
        for (String staff : List.of("moderatorId", "adminId")) {
            UUID id = UUID.fromString(values.get(staff));
            jdbc.sql("DELETE FROM safety_rota WHERE member_id = ?").param(id).update();
            jdbc.sql("DELETE FROM safety_on_call WHERE member_id = ?").param(id).update();
        }
    }

    static String postJson(String title, String body, String visibility) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"visibility\":\"" + visibility + "\"}";
    }

    static String phq9() {
        StringBuilder answers = new StringBuilder();
        for (int item = 1; item <= 9; item++) {
            answers.append(item == 1 ? "" : ",").append("\"phq9-").append(item).append("\":\"LA6568-5\"");
        }
        return "{\"questionnaire\":\"phq-9\",\"version\":\"1.0.0\",\"answers\":{" + answers + "}}";
    }

    /**
     * The template with every {@code ${name}} replaced: a fixture value, {@code unique} (a fresh word each time), or
     * {@code version.<table>:<fixture>}, the row's current version as A (or a moderator) would have just read it.
     */
    String fill(String template) {
        Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    String value(String name) {
        if (name.equals("unique")) {
            return word("u");
        }
        if (name.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (name.startsWith("version.")) {
            String[] parts = name.substring("version.".length()).split(":");
            return String.valueOf(version(parts[0], parts[1]).orElse(0));
        }
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No fixture called " + name);
        }
        return value;
    }

    private Optional<Integer> version(String kind, String fixture) {
        String sql = switch (kind) {
            case "post" -> "SELECT version FROM posts WHERE id = ?::uuid";
            case "reply" -> "SELECT version FROM replies WHERE id = ?::uuid";
            case "entry" -> "SELECT version FROM journal_entries WHERE id = ?::uuid";
            case "item" -> "SELECT version FROM safety_items WHERE id = ?::uuid";
            default -> throw new IllegalArgumentException(kind);
        };
        return jdbc.sql(sql).param(values.get(fixture)).query(Integer.class).optional();
    }

    private String eventually(String what, String sql, Object param) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            List<UUID> found = jdbc.sql(sql).param(param).query(UUID.class).list();
            if (!found.isEmpty()) {
                return found.getFirst().toString();
            }
            sleep(200);
        }
        throw new AssertionError(what + " never reached the moderators' queue");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(Visitor.Answer answer, int status) {
        return JSON.readTree(expectBody(answer, status)).path("id").asString();
    }

    private static void expect(Visitor.Answer answer, int status) {
        expectBody(answer, status);
    }

    private static String expectBody(Visitor.Answer answer, int status) {
        assertThat(answer.status()).as("planting the world: %s %s", answer, answer.text()).isEqualTo(status);
        return answer.text();
    }
}
