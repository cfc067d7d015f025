package app.village.understanding;

import app.village.understanding.cli.UnderstandingCli;

/** The command-line entry point of the module: {@code analyze}, {@code eval} and {@code bench}. */
public final class UnderstandingCommands {

    private UnderstandingCommands() {
    }

    /** Runs a command and exits the JVM with its status. */
    public static void main(String[] args) {
        UnderstandingCli.main(args);
    }
}
