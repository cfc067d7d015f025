package app.village.discovery;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import app.village.discovery.cli.DiscoveryBench;

/** The command-line entry points of the module that need no application context: {@code bench discovery}. */
public final class DiscoveryCommands {

    private DiscoveryCommands() {
    }

    /** Runs the benchmark and exits the JVM with its status. */
    public static void bench(String[] args) {
        System.setProperty("logback.configurationFile", "understanding/cli-logback.xml");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = DiscoveryBench.run(List.of(args), out, err);
        } catch (Exception e) {
            err.println("bench discovery failed: " + e);
            status = 1;
        }
        System.exit(status);
    }
}
