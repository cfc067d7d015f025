package app.village.accounts.cli;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import app.village.accounts.domain.AccountService;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;

/** {@code ./village admin grant EMAIL ROLE}: how the operator makes the first admin. */
@Component
@ConditionalOnProperty(name = "village.command", havingValue = "admin")
class AdminCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AccountService accounts;
    private int exitCode;

    AdminCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        var words = args.getNonOptionArgs();
        PrintStream out = System.out;
        if (words.size() != 4 || !words.get(1).equals("grant")) {
            System.err.println("Usage: ./village admin grant EMAIL ROLE   (ROLE: moderator, clinician or admin)");
            exitCode = 2;
            return;
        }
        try {
            boolean granted = accounts.grant(null, words.get(2), words.get(3));
            out.println(granted ? "Granted " + words.get(3).toLowerCase() + " to " + words.get(2) + "."
                    : words.get(2) + " already has the role " + words.get(3).toLowerCase() + ".");
        } catch (InvalidInputException | NotFoundException e) {
            System.err.println(e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
