package app.village.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import app.village.accounts.Member;
import app.village.accounts.Registration;
import app.village.accounts.SignUp;
import app.village.community.PostDraft;
import app.village.community.Stories;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code demo/community.json}. Members are found by email and posts and replies carry
 * submission keys derived from the file, so a second start (or a crash half-way) never
 * duplicates anything.
 */
@Component
@ConditionalOnProperty(name = "village.demo", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "village demo password";

    record DemoMember(String key, String handle, String familyRole, List<SignUp.NewChild> children) {
    }

    record DemoReply(String by, String body) {
    }

    record DemoPost(String key, String by, String title, String body, Integer childAgeMonths, List<DemoReply> replies) {
    }

    record DemoCommunity(List<DemoMember> members, List<DemoPost> posts) {
    }

    private final Registration registration;
    private final Stories stories;
    private final JsonMapper json;

    DemoData(Registration registration, Stories stories, JsonMapper json) {
        this.registration = registration;
        this.stories = stories;
        this.json = json;
    }

    private volatile boolean stopping;

    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /**
     * In the background, so that a stop during start-up waits for the member or post being written
     * and ends the loading there, before the database closes (run by the main thread, the loading
     * raced the closing pool). Loading again adds nothing, so an interrupted load completes at the next start.
     */
    @org.springframework.scheduling.annotation.Async
    @EventListener(ApplicationReadyEvent.class)
    void load() throws IOException {
        DemoCommunity demo;
        try (InputStream in = new ClassPathResource("demo/community.json").getInputStream()) {
            demo = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), DemoCommunity.class);
        }
        Map<String, UUID> ids = new HashMap<>();
        for (DemoMember m : demo.members()) {
            if (stopping) {
                return;
            }
            String email = emailOf(m.key());
            Member member = registration.findByEmail(email)
                    .orElseGet(() -> registration.signUp(new SignUp(email, PASSWORD, m.handle(), m.familyRole(), m.children())));
            ids.put(m.key(), member.id());
        }
        for (DemoPost p : demo.posts()) {
            if (stopping) {
                return;
            }
            UUID postId = stories.publish(ids.get(p.by()), new PostDraft(p.title(), p.body(), "COMMUNITY", null,
                    p.childAgeMonths(), key(p.key())));
            int n = 0;
            for (DemoReply r : p.replies()) {
                stories.reply(ids.get(r.by()), postId, r.body(), key(p.key() + "/reply/" + n++));
            }
        }
        log.info("Demo community ready: {} members, {} stories. Sign in as {} with the password '{}'.",
                demo.members().size(), demo.posts().size(), emailOf(demo.members().get(0).key()), PASSWORD);
    }

    static String emailOf(String key) {
        return key + "@demo.village.invalid";
    }

    private static UUID key(String name) {
        return UUID.nameUUIDFromBytes(("village-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
