package app.village.surface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may use each operation of Village, declared by hand, one row an operation. The role matrix and the bad-input
 * fuzz find the operations themselves (the OpenAPI document, the request mappings) and fail on any operation without
 * a row here, so a new endpoint is not tested until someone says who it is for; and on a row whose operation no longer
 * exists. A row also gives the request to try: the address with member A's ids in it (one or several), and a
 * well-formed body, so a refusal is about who asks, not about what was sent.
 */
final class AccessPolicy {

    /** Who may use an operation. */
    enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in member, on their own data or the community's. */
        MEMBER,
        /** Member A alone: the address names A's private things; anyone else is told they do not exist (404) or refused. */
        OWNER,
        /** Moderators and admins. */
        MODERATOR,
        /** Admins. */
        ADMIN
    }

    /** The six people the matrix tries every operation as. */
    enum Who { ANONYMOUS, MEMBER_B, CLINICIAN, MODERATOR, ADMIN, MEMBER_A }

    /** What the matrix expects one person to get. */
    enum Expect {
        /** 401 problem from the API, a redirect to the sign-in page from a page. */
        SIGN_IN,
        /** 403: staff only. */
        FORBIDDEN,
        /** 404 or 403: someone else's private thing. */
        HIDDEN,
        /** Done: 2xx or 3xx (never to the sign-in page), or a status the row declares for its sample. */
        ALLOWED
    }

    static Expect expect(Access access, Who who) {
        return switch (access) {
            case PUBLIC -> Expect.ALLOWED;
            case MEMBER -> who == Who.ANONYMOUS ? Expect.SIGN_IN : Expect.ALLOWED;
            case OWNER -> who == Who.ANONYMOUS ? Expect.SIGN_IN : who == Who.MEMBER_A ? Expect.ALLOWED : Expect.HIDDEN;
            case MODERATOR -> who == Who.ANONYMOUS ? Expect.SIGN_IN
                    : who == Who.MODERATOR || who == Who.ADMIN ? Expect.ALLOWED : Expect.FORBIDDEN;
            case ADMIN -> who == Who.ANONYMOUS ? Expect.SIGN_IN : who == Who.ADMIN ? Expect.ALLOWED : Expect.FORBIDDEN;
        };
    }

    /** Rows run in this order (then by path): what destroys A's things comes after everything that reads them. */
    static final int ORDINARY = 0;
    static final int REVOKE = 5;
    static final int CLAIM = 10;
    static final int LEVEL = 11;
    static final int MESSAGE = 12;
    static final int REPLY = 13;
    static final int HIDE = 14;
    static final int RESTORE = 15;
    static final int RELEASE = 16;
    static final int ESCALATE = 18;
    static final int RESOLVE = 19;
    static final int DELETE_REPLIES = 30;
    static final int DELETE_POSTS = 40;
    static final int DELETE_OWN_THINGS = 50;
    static final int DELETE_JOURNAL = 60;
    static final int ERASE = 70;

    /** One operation: who may use it, and the request to try. */
    static final class Rule {
        final String method;
        final String path;
        final Access access;
        final List<String> targets = new ArrayList<>();
        String json;
        Map<String, String> form;
        int order = ORDINARY;
        Set<Integer> alsoFine = Set.of();
        String alsoFineBecause;
        String notInDocument;

        Rule(String key, Access access) {
            String[] parts = key.split(" ", 2);
            this.method = parts[0];
            this.path = parts[1];
            this.access = access;
        }

        String key() {
            return method + " " + path;
        }

        /** The address to try (with query), {@code ${fixture}} for A's ids; several calls, several addresses. */
        Rule at(String target) {
            targets.add(target);
            return this;
        }

        Rule json(String json) {
            this.json = json;
            return this;
        }

        Rule form(String... pairs) {
            form = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                form.put(pairs[i], pairs[i + 1]);
            }
            return this;
        }

        Rule order(int order) {
            this.order = order;
            return this;
        }

        /** Statuses that also count as done for the people allowed, with why the sample request gets them. */
        Rule alsoFine(String because, Integer... statuses) {
            this.alsoFine = Set.of(statuses);
            this.alsoFineBecause = because;
            return this;
        }

        /** An API address the OpenAPI document need not list (the document's own, the docs page). */
        Rule notInDocument(String because) {
            this.notInDocument = because;
            return this;
        }

        List<String> targets() {
            return targets.isEmpty() ? List.of(path) : targets;
        }
    }

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    private Rule rule(String key, Access access) {
        Rule rule = new Rule(key, access);
        if (rules.put(key, rule) != null) {
            throw new IllegalStateException("Two rows for " + key);
        }
        return rule;
    }

    Map<String, Rule> rules() {
        return rules;
    }

    private static final String WRONG_PASSWORD = "not the password at all";
    private static final String SAMPLE_STORY = "Evenings are hard here and I wanted to write it down somewhere.";

    AccessPolicy() {
        platform();
        accounts();
        community();
        discovery();
        journal();
        screening();
        safety();
        moderation();
        admin();
        understandingAndGuidance();
    }

    private void platform() {
        rule("GET /", Access.PUBLIC);
        rule("GET /error", Access.PUBLIC).alsoFine("nothing went wrong, so the error page has nothing to show", 404);
        rule("GET /api/docs", Access.PUBLIC).notInDocument("the documentation page itself");
        rule("GET /api/openapi", Access.PUBLIC).notInDocument("the document itself");
        rule("GET /api/openapi.yaml", Access.PUBLIC).notInDocument("the document itself, as YAML");
        rule("GET /api/openapi/swagger-config", Access.PUBLIC).notInDocument("the documentation page's settings");
    }

    private void accounts() {
        rule("GET /signin", Access.PUBLIC);
        rule("GET /signup", Access.PUBLIC);
        // A sign-up form that fails its check (a short password): anyone may try, and nobody's session becomes a new member's.
        rule("POST /signup", Access.PUBLIC).form("email", "new-${unique}@example.org", "password", "short", "handle", "n_${unique}",
                "familyRole", "MOTHER", "childNickname", "", "childBirthMonth", "").alsoFine("the sample's password is too short", 400);
        rule("POST /api/accounts", Access.PUBLIC).json("""
                {"email":"new-${unique}@example.org","password":"a long enough password","handle":"n_${unique}","familyRole":"MOTHER"}""");
        rule("GET /api/me", Access.MEMBER);
        rule("GET /api/me/children", Access.MEMBER);
        rule("POST /api/me/children", Access.MEMBER).json("{\"nickname\":\"Little one\",\"birthMonth\":\"2025-11\"}");
        rule("DELETE /api/me/children/{id}", Access.OWNER).at("/api/me/children/${child}").order(DELETE_OWN_THINGS);
        rule("PUT /api/me/password", Access.MEMBER).json("{\"currentPassword\":\"" + WRONG_PASSWORD
                + "\",\"newPassword\":\"another long password\"}").alsoFine("the sample's current password is wrong", 400);
        rule("GET /api/me/export", Access.MEMBER);
        rule("DELETE /api/me", Access.MEMBER).json("{\"password\":\"" + WRONG_PASSWORD + "\",\"contentChoice\":\"REMOVE\"}")
                .order(ERASE).alsoFine("the sample's password is wrong, so nobody is erased", 400);
        rule("GET /account", Access.MEMBER);
        rule("POST /account/children", Access.MEMBER).form("childNickname", "Little one", "childBirthMonth", "2025-11");
        rule("POST /account/children/{id}/delete", Access.OWNER).at("/account/children/${child2}/delete").order(DELETE_OWN_THINGS);
        rule("POST /account/password", Access.MEMBER).form("currentPassword", WRONG_PASSWORD, "newPassword", "another long password");
        rule("GET /account/export", Access.MEMBER);
        rule("POST /account/delete", Access.MEMBER).form("password", WRONG_PASSWORD, "contentChoice", "REMOVE").order(ERASE);
    }

    private void community() {
        rule("GET /api/posts", Access.MEMBER).at("/api/posts?page=1");
        rule("POST /api/posts", Access.MEMBER).json(World.postJson("Evenings ${unique}", SAMPLE_STORY, "PRIVATE"));
        rule("GET /api/posts/{id}", Access.OWNER).at("/api/posts/${privatePost}");
        rule("PUT /api/posts/{id}", Access.OWNER).at("/api/posts/${privatePost}").json("""
                {"title":"Only me ${title.privatePost}","body":"Still only for me. ${body.privatePost} ${word.privatePost}",\
                "visibility":"PRIVATE","version":${version.post:privatePost}}""");
        rule("DELETE /api/posts/{id}", Access.OWNER).at("/api/posts/${privatePost}").order(DELETE_POSTS);
        rule("POST /api/posts/{id}/replies", Access.OWNER).at("/api/posts/${privatePost}/replies")
                .json("{\"body\":\"Another note to myself.\"}");
        rule("PUT /api/replies/{id}", Access.OWNER).at("/api/replies/${privateReply}")
                .json("{\"body\":\"A note to myself: ${body.privateReply}\",\"version\":${version.reply:privateReply}}");
        rule("DELETE /api/replies/{id}", Access.OWNER).at("/api/replies/${privateReply}").order(DELETE_REPLIES);
        rule("PUT /api/posts/{id}/reactions/{kind}", Access.OWNER).at("/api/posts/${privatePost}/reactions/me_too");
        rule("DELETE /api/posts/{id}/reactions/{kind}", Access.OWNER).at("/api/posts/${privatePost}/reactions/me_too");
        rule("PUT /api/posts/{id}/follow", Access.OWNER).at("/api/posts/${privatePost}/follow");
        rule("DELETE /api/posts/{id}/follow", Access.OWNER).at("/api/posts/${privatePost}/follow");
        rule("GET /api/notifications", Access.MEMBER);
        rule("POST /api/notifications/read", Access.MEMBER);
        // Reporting a private post would put its words before the moderators: only its writer can even see it.
        rule("POST /api/reports", Access.OWNER)
                .json("{\"targetKind\":\"POST\",\"targetId\":\"${privatePost}\",\"reason\":\"OTHER\",\"details\":\"Checking.\"}")
                .alsoFine("a writer may not report their own post", 400);

        rule("GET /feed", Access.MEMBER).at("/feed?page=1");
        rule("GET /posts/new", Access.MEMBER);
        rule("POST /posts", Access.MEMBER).form("title", "Evenings ${unique}", "body", SAMPLE_STORY, "visibility", "PRIVATE",
                "child", "", "childAgeMonths", "", "submissionKey", "${uuid}");
        rule("GET /posts/{id}", Access.OWNER).at("/posts/${privatePost}");
        rule("GET /posts/{id}/edit", Access.OWNER).at("/posts/${privatePost}/edit");
        rule("POST /posts/{id}/edit", Access.OWNER).at("/posts/${privatePost}/edit").form("title", "Only me ${title.privatePost}",
                "body", "Only mine. ${body.privatePost} ${word.privatePost}", "visibility", "PRIVATE", "child", "",
                "childAgeMonths", "", "version", "${version.post:privatePost}");
        rule("POST /posts/{id}/delete", Access.OWNER).at("/posts/${privatePost2}/delete").order(DELETE_POSTS);
        rule("POST /posts/{id}/reactions", Access.OWNER).at("/posts/${privatePost}/reactions").form("kind", "strength", "on", "true");
        rule("POST /posts/{id}/follow", Access.OWNER).at("/posts/${privatePost}/follow").form("on", "true");
        rule("POST /posts/{id}/replies", Access.OWNER).at("/posts/${privatePost}/replies").form("body", "One more note.",
                "submissionKey", "${uuid}");
        rule("GET /replies/{id}/edit", Access.OWNER).at("/replies/${privateReply}/edit");
        rule("POST /replies/{id}/edit", Access.OWNER).at("/replies/${privateReply}/edit")
                .form("body", "A note to myself: ${body.privateReply}", "version", "${version.reply:privateReply}");
        rule("POST /replies/{id}/delete", Access.OWNER).at("/replies/${privateReply2}/delete").order(DELETE_REPLIES);
        rule("GET /notifications", Access.MEMBER);
        rule("POST /notifications/read", Access.MEMBER);
        rule("GET /report", Access.MEMBER).at("/report?kind=POST&id=${privatePost}&post=${privatePost}");
        rule("POST /report", Access.OWNER).form("kind", "POST", "id", "${privatePost}", "post", "${privatePost}", "reason", "OTHER",
                "details", "Checking.").alsoFine("a writer may not report their own post", 400);
    }

    private void discovery() {
        rule("GET /api/posts/{id}/similar", Access.OWNER).at("/api/posts/${privatePost}/similar?limit=5&mine=true");
        // Searching for a word only A's private post holds: nobody else may find it, even asking for their own posts too.
        rule("GET /api/search", Access.MEMBER).at("/api/search?q=${word.privatePost}")
                .at("/api/search?q=${word.privatePost}&mine=true&page=1");
        rule("GET /stories/search", Access.MEMBER).at("/stories/search?q=${word.privatePost}&mine=true");
    }

    private void journal() {
        rule("GET /api/journal/today", Access.MEMBER).at("/api/journal/today?timeZone=UTC");
        rule("GET /api/journal/check-ins", Access.MEMBER).at("/api/journal/check-ins?from=${day2}&to=${day}");
        rule("GET /api/journal/check-ins/{day}", Access.MEMBER).at("/api/journal/check-ins/${day}")
                .alsoFine("the others have no check-in that day", 404);
        rule("PUT /api/journal/check-ins/{day}", Access.MEMBER).at("/api/journal/check-ins/${day3}")
                .json("{\"mood\":6,\"sleepHours\":7.5,\"medication\":\"NOT_ON_MEDICATION\",\"timeZone\":\"UTC\"}");
        rule("DELETE /api/journal/check-ins/{day}", Access.MEMBER).at("/api/journal/check-ins/${day}").order(DELETE_OWN_THINGS)
                .alsoFine("the others have no check-in that day", 404);
        rule("GET /api/journal/patterns", Access.MEMBER);
        rule("GET /api/journal/entries", Access.MEMBER).at("/api/journal/entries?q=${word.entry}&page=1");
        rule("POST /api/journal/entries", Access.MEMBER).json("{\"body\":\"A quiet day, a walk in the park.\"}");
        rule("GET /api/journal/entries/{id}", Access.OWNER).at("/api/journal/entries/${entry}");
        rule("PUT /api/journal/entries/{id}", Access.OWNER).at("/api/journal/entries/${entry}")
                .json("{\"body\":\"Today I felt ${body.entry} and ${word.entry}, still.\",\"version\":${version.entry:entry}}");
        rule("DELETE /api/journal/entries/{id}", Access.OWNER).at("/api/journal/entries/${entry}").order(DELETE_OWN_THINGS);
        rule("POST /api/journal/entries/{id}/understanding", Access.OWNER).at("/api/journal/entries/${entry}/understanding");
        rule("POST /api/journal/entries/{id}/support-requests", Access.OWNER).at("/api/journal/entries/${entry}/support-requests");
        rule("GET /api/journal/export", Access.MEMBER);
        rule("DELETE /api/journal", Access.MEMBER).at("/api/journal?confirm=yes").order(DELETE_JOURNAL);

        rule("GET /journal", Access.MEMBER).at("/journal?tz=UTC");
        rule("GET /journal/check-in", Access.MEMBER).at("/journal/check-in?day=${day}&tz=UTC");
        rule("POST /journal/check-in", Access.MEMBER).form("day", "${day3}", "mood", "6", "sleepHours", "7", "medication",
                "NOT_ON_MEDICATION", "note", "", "timeZone", "UTC");
        rule("POST /journal/check-ins/{day}/delete", Access.MEMBER).at("/journal/check-ins/${day2}/delete").order(DELETE_OWN_THINGS)
                .alsoFine("the others have no check-in that day", 404);
        rule("GET /journal/charts", Access.MEMBER).at("/journal/charts?range=30");
        rule("GET /journal/data", Access.MEMBER);
        rule("GET /journal/export.json", Access.MEMBER);
        rule("GET /journal/export/check-ins.csv", Access.MEMBER);
        rule("GET /journal/export/entries.csv", Access.MEMBER);
        rule("POST /journal/delete", Access.MEMBER).form("confirm", "yes").order(DELETE_JOURNAL);
        rule("GET /journal/entries", Access.MEMBER).at("/journal/entries?q=${word.entry}&page=1");
        rule("GET /journal/entries/new", Access.MEMBER);
        rule("POST /journal/entries", Access.MEMBER).form("body", "A quiet day, a walk in the park.", "submissionKey", "${uuid}");
        rule("GET /journal/entries/{id}", Access.OWNER).at("/journal/entries/${entry}");
        rule("GET /journal/entries/{id}/edit", Access.OWNER).at("/journal/entries/${entry}/edit");
        rule("POST /journal/entries/{id}/edit", Access.OWNER).at("/journal/entries/${entry}/edit")
                .form("body", "Today I felt ${body.entry} and ${word.entry}.", "version", "${version.entry:entry}");
        rule("POST /journal/entries/{id}/understanding", Access.OWNER).at("/journal/entries/${entry}/understanding");
        rule("POST /journal/entries/{id}/support", Access.OWNER).at("/journal/entries/${entry}/support");
        rule("POST /journal/entries/{id}/delete", Access.OWNER).at("/journal/entries/${entry2}/delete").order(DELETE_OWN_THINGS);
    }

    private void screening() {
        rule("GET /api/screenings/questionnaires", Access.PUBLIC);
        rule("GET /api/screenings/instruments", Access.MEMBER);
        rule("POST /api/screenings", Access.MEMBER).json(World.phq9());
        rule("GET /api/screenings", Access.MEMBER);
        rule("GET /api/screenings/{id}", Access.OWNER).at("/api/screenings/${screening}");
        rule("GET /api/screenings/{id}/fhir", Access.OWNER).at("/api/screenings/${screening}/fhir");
        rule("POST /api/screenings/{id}/support-requests", Access.OWNER).at("/api/screenings/${screening}/support-requests");

        rule("GET /screening", Access.MEMBER);
        rule("GET /screening/{instrument}", Access.MEMBER).at("/screening/phq-9");
        String[] phq9 = new String[22];
        phq9[0] = "version";
        phq9[1] = "1.0.0";
        phq9[2] = "submissionKey";
        phq9[3] = "${uuid}";
        for (int item = 1; item <= 9; item++) {
            phq9[2 + item * 2] = "phq9-" + item;
            phq9[3 + item * 2] = "LA6568-5";
        }
        rule("POST /screening/{instrument}", Access.MEMBER).at("/screening/phq-9").form(phq9);
        rule("GET /screening/results/{id}", Access.OWNER).at("/screening/results/${screening}");
        rule("POST /screening/results/{id}/support-requests", Access.OWNER).at("/screening/results/${screening}/support-requests");
        rule("GET /screening/history", Access.MEMBER);
    }

    private void safety() {
        rule("GET /help", Access.PUBLIC).at("/help").at("/help?country=nz");
        rule("POST /help/country", Access.MEMBER).form("country", "GB");
        rule("GET /support/messages", Access.MEMBER);
        rule("GET /api/safety/messages", Access.MEMBER);
        rule("GET /api/safety/support/posts/{postId}", Access.OWNER).at("/api/safety/support/posts/${privatePost}")
                .at("/api/safety/support/posts/${privatePost}?reply=${privateReply}");
    }

    private void moderation() {
        String business = "a moderator and an admin take turns on one item: whoever does not hold it is told so (409)";
        rule("GET /api/moderation/queue", Access.MODERATOR);
        rule("GET /api/moderation/queue/summary", Access.MODERATOR);
        rule("GET /api/moderation/on-call", Access.MODERATOR);
        // Off call: the shared application must not page anyone because of this test.
        rule("PUT /api/moderation/on-call", Access.MODERATOR).json("{\"onCall\":false}");
        rule("POST /api/moderation/queue/{id}/claim", Access.MODERATOR).at("/api/moderation/queue/${reportItem}/claim").order(CLAIM)
                .json("{\"version\":${version.item:reportItem},\"takeOver\":true}").alsoFine(business, 409);
        rule("POST /api/moderation/queue/{id}/level", Access.MODERATOR).at("/api/moderation/queue/${reportItem}/level").order(LEVEL)
                .json("{\"version\":${version.item:reportItem},\"level\":\"moderate\",\"reason\":\"Unkind, not dangerous.\"}")
                .alsoFine(business + ", or that the level is already set (400)", 409, 400);
        rule("POST /api/moderation/queue/{id}/message", Access.MODERATOR).at("/api/moderation/queue/${reportItem}/message").order(MESSAGE)
                .json("{\"version\":${version.item:reportItem},\"body\":\"We are here if you need us.\"}").alsoFine(business, 409);
        rule("POST /api/moderation/queue/{id}/escalate", Access.MODERATOR).at("/api/moderation/queue/${reportItem}/escalate")
                .order(ESCALATE).json("{\"version\":${version.item:reportItem},\"note\":\"Please look.\"}").alsoFine(business, 409);
        rule("POST /api/moderation/queue/{id}/resolve", Access.MODERATOR).at("/api/moderation/queue/${reportItem}/resolve")
                .order(RESOLVE).json("{\"version\":${version.item:reportItem},\"outcome\":\"Talked it through.\"}").alsoFine(business, 409);

        rule("GET /moderation", Access.MODERATOR);
        rule("GET /moderation/items", Access.MODERATOR);
        // The items for A's requests for support say that A asked, never what A wrote.
        rule("GET /moderation/items/{id}", Access.MODERATOR).at("/moderation/items/${reportItem}").at("/moderation/items/${journalSignal}")
                .at("/moderation/items/${screeningSignal}");
        rule("POST /moderation/on-call", Access.MODERATOR).form("onCall", "false");
        // Web Push: nobody here has a real browser subscription, so the writes are refused for what they carry, never for who sends them.
        rule("GET /api/moderation/alert-browsers", Access.MODERATOR);
        rule("PUT /api/moderation/alert-browsers", Access.MODERATOR).json("{}")
                .alsoFine("a subscription without its keys is refused in words (400)", 400);
        rule("DELETE /api/moderation/alert-browsers", Access.MODERATOR).json("{\"endpoint\":\"https://push.example.invalid/none\"}")
                .alsoFine("no alerted browser has that endpoint (404)", 404);
        rule("POST /moderation/alert-browsers/{id}/delete", Access.MODERATOR)
                .at("/moderation/alert-browsers/00000000-0000-0000-0000-000000000000/delete")
                .alsoFine("no alerted browser has that id (404)", 404);
        String item = "/moderation/items/${reportItem}/";
        String version = "${version.item:reportItem}";
        rule("POST /moderation/items/{id}/claim", Access.MODERATOR).at(item + "claim").order(CLAIM)
                .form("version", version, "takeOver", "true");
        rule("POST /moderation/items/{id}/level", Access.MODERATOR).at(item + "level").order(LEVEL)
                .form("version", version, "level", "low", "reason", "Unkind, not dangerous.");
        rule("POST /moderation/items/{id}/message", Access.MODERATOR).at(item + "message").order(MESSAGE)
                .form("version", version, "body", "We are here if you need us.");
        rule("POST /moderation/items/{id}/reply", Access.MODERATOR).at(item + "reply").order(REPLY)
                .form("version", version, "body", "Thank you all for being kind here.", "submissionKey", "${uuid}");
        rule("POST /moderation/items/{id}/hide", Access.MODERATOR).at(item + "hide").order(HIDE).form("version", version);
        rule("POST /moderation/items/{id}/restore", Access.MODERATOR).at(item + "restore").order(RESTORE).form("version", version);
        rule("POST /moderation/items/{id}/release", Access.MODERATOR).at(item + "release").order(RELEASE).form("version", version);
        rule("POST /moderation/items/{id}/escalate", Access.MODERATOR).at(item + "escalate").order(ESCALATE)
                .form("version", version, "note", "Please look.");
        rule("POST /moderation/items/{id}/resolve", Access.MODERATOR).at(item + "resolve").order(RESOLVE)
                .form("version", version, "outcome", "Talked it through.");
    }

    private void admin() {
        rule("GET /admin/roles", Access.ADMIN);
        rule("POST /admin/roles", Access.ADMIN).form("email", "${granteeEmail}", "role", "CLINICIAN");
        rule("POST /admin/roles/revoke", Access.ADMIN).order(REVOKE).form("memberId", "${granteeId}", "role", "CLINICIAN");
        rule("POST /api/admin/roles", Access.ADMIN).json("{\"email\":\"${granteeEmail}\",\"role\":\"CLINICIAN\"}");
        rule("GET /admin/audit", Access.ADMIN);
        rule("GET /api/admin/audit", Access.ADMIN);
        rule("GET /admin/alerts", Access.ADMIN);
        rule("POST /admin/alerts/rota", Access.ADMIN).form("memberId", "${moderatorId}", "day", "${rotaDay}", "start", "03:00",
                "end", "03:01");
        rule("POST /admin/alerts/rota/{id}/delete", Access.ADMIN).at("/admin/alerts/rota/${rotaSlot}/delete").order(DELETE_OWN_THINGS);
        rule("GET /api/admin/alerts/channels", Access.ADMIN);
    }

    private void understandingAndGuidance() {
        rule("POST /api/analyze", Access.MEMBER).json("{\"text\":\"I have not slept for days and I feel far from my baby.\"}");
        rule("GET /api/guides", Access.PUBLIC).at("/api/guides?q=sleep");
        rule("GET /api/guides/{slug}", Access.PUBLIC).at("/api/guides/${guide}");
        rule("POST /api/guides/suggest", Access.PUBLIC).json("{\"themes\":[\"sleep_deprivation\"],\"childAgeMonths\":6}");
        rule("GET /guides", Access.PUBLIC).at("/guides?q=sleep");
        rule("GET /guides/{slug}", Access.PUBLIC).at("/guides/${guide}");
    }
}
