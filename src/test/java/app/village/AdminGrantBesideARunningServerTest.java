package app.village;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import app.village.accounts.Role;
import app.village.accounts.domain.AccountService;
import app.village.discovery.index.StoryIndex;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

/**
 * {@code ./village admin grant} while Village runs on the same data directory: this test's application is the
 * running server (its story index open and locked, its PostgreSQL up), and the command is started beside it exactly
 * as the launcher starts it. It must join the database, leave the index alone and grant the role.
 */
@VillageIntegrationTest
class AdminGrantBesideARunningServerTest {

    @Autowired AccountService accounts;
    @Autowired TestMembers members;
    @Autowired StoryIndex index;

    @Test
    void grantsARoleWhileTheServerHoldsTheStoryIndex() {
        assertThat(index.size()).as("the running server's index is open").isNotNegative();
        TestMembers.Created m = members.mother();
        ConfigurableApplicationContext command = VillageApplication.runCommand("admin",
                new String[] {"admin", "grant", m.email(), "moderator", "--village.data-dir=target/test-data"});
        assertThat(SpringApplication.exit(command)).isZero();
        assertThat(accounts.find(m.id()).orElseThrow().roles()).contains(Role.MODERATOR);
    }
}
