package app.village.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import app.village.community.domain.CommunityService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * A post its writer makes private or deletes, or a moderator hides, vanishes from other members'
 * notifications, title included: the notifications page, the API and the unread badge on every page.
 */
@VillageIntegrationTest
class NotificationVisibilityTest {

    @Autowired MockMvc mvc;
    @Autowired TestMembers members;
    @Autowired CommunityService community;

    @ParameterizedTest(name = "a post {0}")
    @ValueSource(strings = {"made private", "hidden", "deleted"})
    void vanishesFromOtherMembersNotifications(String change) throws Exception {
        TestMembers.Created writer = members.mother();
        TestMembers.Created follower = members.father();
        TestMembers.Created replier = members.mother();
        String title = "Nights with a newborn " + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        UUID post = community.publish(writer.id(), new PostDraft(title, "We are up every two hours and it is hard.", "COMMUNITY",
                null, null, null));
        community.follow(follower.id(), post, true);
        community.reply(replier.id(), post, "It gets easier, I promise.", null);
        community.reply(follower.id(), post, "Same here, hang on.", null);

        // Before: the follower is told, and so is the writer.
        assertThat(page(follower, "/notifications")).contains(title);
        assertThat(api(follower)).contains(title);
        assertThat(page(follower, "/feed")).contains("1 unread");
        assertThat(community.unreadNotifications(writer.id())).isEqualTo(2);

        switch (change) {
            case "made private" -> community.edit(writer.id(), post, 0, new PostDraft(title, "We are up every two hours and it is hard.",
                    "PRIVATE", null, null, null));
            case "hidden" -> community.hide("POST", post, false);
            default -> community.delete(writer.id(), post);
        }

        assertThat(page(follower, "/notifications")).doesNotContain(title);
        assertThat(api(follower)).doesNotContain(title).doesNotContain(post.toString());
        assertThat(page(follower, "/feed")).doesNotContain("unread");
        assertThat(community.unreadNotifications(follower.id())).isZero();
        assertThat(community.notifications(follower.id())).noneMatch(n -> n.postId().equals(post));
        // The writer still sees their own post's notifications unless it is gone.
        assertThat(community.notifications(writer.id())).hasSize(change.equals("deleted") ? 0 : 2);
    }

    private String page(TestMembers.Created who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String api(TestMembers.Created who) throws Exception {
        return mvc.perform(get("/api/notifications").with(user(who.user()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
