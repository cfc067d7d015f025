package app.village.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import app.village.community.PostDraft;
import app.village.community.domain.CommunityService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * An urgent post does not wait for the shared background threads: with every one of them busy (as
 * in a burst of 200 posts), it is still read and in the moderators' queue, while a calm post written
 * at the same moment waits its turn, and is read once the threads are free.
 */
@VillageIntegrationTest
class UrgentFirstTest {

    @Autowired TestMembers members;
    @Autowired CommunityService community;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor shared;

    private String assessed(UUID postId) {
        return jdbc.sql("SELECT level FROM safety_assessments WHERE subject_id = ?").param(postId).query(String.class).optional().orElse(null);
    }

    private boolean read(UUID postId) {
        return jdbc.sql("SELECT count(*) FROM insights WHERE subject_kind = 'POST' AND subject_id = ?").param(postId)
                .query(Long.class).single() > 0;
    }

    @Test
    void anUrgentPostIsReadAndQueuedWhileEverySharedThreadIsBusy() throws Exception {
        TestMembers.Created writer = members.mother();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(shared.getMaxPoolSize());
        for (int i = 0; i < shared.getMaxPoolSize(); i++) {
            shared.execute(() -> {
                busy.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        UUID calm;
        UUID urgent;
        try {
            assertThat(busy.await(30, TimeUnit.SECONDS)).as("every shared thread taken").isTrue();
            calm = community.publishPost(writer.id(), new PostDraft(SafetyTexts.CALM_TITLE, SafetyTexts.CALM, "COMMUNITY", null, null, null)).id();
            urgent = community.publishPost(writer.id(),
                    new PostDraft(SafetyTexts.URGENT_TITLE, SafetyTexts.URGENT_SELF_HARM, "COMMUNITY", null, null, null)).id();

            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (!"urgent".equals(assessed(urgent))) {
                assertThat(Instant.now()).as("the urgent post queued within 60 s while the shared threads were busy").isBefore(until);
                Thread.sleep(50);
            }
            assertThat(read(calm)).as("the calm post waits for a shared thread").isFalse();
        } finally {
            release.countDown();
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!read(calm)) {
            assertThat(Instant.now()).as("the calm post read once the threads are free").isBefore(until);
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM safety_items WHERE subject_id = ?").param(urgent).query(Long.class).single())
                .as("queued once, though read twice").isEqualTo(1);
    }
}
