package app.village.accounts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import app.village.accounts.Role;
import app.village.accounts.domain.AccountService;
import app.village.support.TestMembers;
import app.village.support.VillageIntegrationTest;

@VillageIntegrationTest
class AdminCommandTest {

    @Autowired AccountService accounts;
    @Autowired TestMembers members;

    @Test
    void grantsARoleByEmail() {
        TestMembers.Created m = members.mother();
        AdminCommand command = new AdminCommand(accounts);
        command.run(new DefaultApplicationArguments("admin", "grant", m.email(), "ADMIN"));
        assertThat(command.getExitCode()).isZero();
        assertThat(accounts.find(m.id()).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void unknownEmailOrRoleOrUsageFails() {
        AdminCommand unknown = new AdminCommand(accounts);
        unknown.run(new DefaultApplicationArguments("admin", "grant", "nobody@example.org", "admin"));
        assertThat(unknown.getExitCode()).isEqualTo(1);
        TestMembers.Created m = members.mother();
        AdminCommand badRole = new AdminCommand(accounts);
        badRole.run(new DefaultApplicationArguments("admin", "grant", m.email(), "king"));
        assertThat(badRole.getExitCode()).isEqualTo(1);
        AdminCommand usage = new AdminCommand(accounts);
        usage.run(new DefaultApplicationArguments("admin", "promote"));
        assertThat(usage.getExitCode()).isEqualTo(2);
    }
}
