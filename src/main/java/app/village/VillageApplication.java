package app.village;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Village's entry point. The first argument picks what to do: {@code serve} (the default) starts
 * the web application; {@code admin ...} runs an operator's command and exits.
 */
@SpringBootApplication
public class VillageApplication {

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        if (command.equals("bench") && args.length > 1 && args[1].equals("discovery")) {
            // The story index measured on generated posts: no web application, no database.
            app.village.discovery.DiscoveryCommands.bench(Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (command.equals("bench") && args.length > 1 && args[1].equals("pages")) {
            // The pages under load: this process seeds and drives a separate server process, so it starts nothing itself.
            try {
                System.exit(app.village.bench.PagesBench.run(Arrays.asList(args).subList(2, args.length), System.out, System.err));
            } catch (Exception e) {
                System.err.println("bench pages failed: " + rootMessage(e));
                System.exit(1);
            }
            return;
        }
        if (command.equals("analyze") || command.equals("eval") || command.equals("bench") || command.equals("train")) {
            // The analysis needs neither the web application nor the database; start nothing else.
            app.village.understanding.UnderstandingCommands.main(args);
            return;
        }
        switch (command) {
            case "serve" -> {
                SpringApplication application = new SpringApplication(VillageApplication.class);
                String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
                application.run(Arrays.stream(rest).map(a -> a.equals("--demo") ? "--village.demo=true" : a).toArray(String[]::new));
            }
            case "admin", "discovery" -> {
                ConfigurableApplicationContext context;
                try {
                    context = runCommand(command, args);
                } catch (RuntimeException e) {
                    System.err.println(rootMessage(e));
                    System.exit(1);
                    return;
                }
                System.exit(SpringApplication.exit(context));
            }
            default -> {
                System.err.println("Unknown command: " + command + ". Try: serve [--demo], admin grant EMAIL ROLE, "
                        + "discovery rebuild, analyze FILE..., eval FILE.jsonl, bench [discovery|pages]");
                System.exit(2);
            }
        }
    }

    /**
     * Runs an operator's command ({@code admin} or {@code discovery}) beside a server that may be running on the same
     * data directory: no web application, and for {@code admin} nothing created that the command does not use, so
     * 'admin grant' never opens the story index the running server holds (it refused to start, "index in use") and
     * joins the server's PostgreSQL. Returns the context, still open, for its exit code.
     */
    static ConfigurableApplicationContext runCommand(String command, String[] args) {
        SpringApplication application = new SpringApplication(VillageApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        String[] quiet = {"--village.command=" + command, "--logging.level.root=WARN", "--logging.level.app.village=WARN",
                "--spring.session.jdbc.cleanup-cron=-", "--spring.main.lazy-initialization=" + command.equals("admin"),
                // The running server's events still under way are its own work: a command must not deliver them again.
                "--spring.modulith.events.republish-outstanding-events-on-restart=" + !command.equals("admin")};
        if (command.equals("discovery")) {
            // A refusal (the index in use) is said in one line, without Spring's start-up trace.
            quiet = Arrays.copyOf(quiet, quiet.length + 2);
            quiet[quiet.length - 2] = "--logging.level.org.springframework.boot.SpringApplication=OFF";
            quiet[quiet.length - 1] = "--logging.level.org.springframework.context=ERROR";
        }
        String[] all = Arrays.copyOf(args, args.length + quiet.length);
        System.arraycopy(quiet, 0, all, args.length, quiet.length);
        return application.run(all);
    }

    /** The innermost message, which says what went wrong in words (the outer ones only say that starting failed). */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
