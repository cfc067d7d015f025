package app.village.discovery.app;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import app.village.discovery.index.StoryIndex;

/** {@code ./village discovery rebuild}: files every post of the database in the story index again. */
@Component
@ConditionalOnProperty(name = "village.command", havingValue = "discovery")
class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Indexer indexer;
    private final StoryIndex index;
    private int exitCode;

    RebuildCommand(Indexer indexer, StoryIndex index) {
        this.indexer = indexer;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        var words = args.getNonOptionArgs();
        PrintStream out = System.out;
        if (words.size() != 2 || !words.get(1).equals("rebuild")) {
            System.err.println("Usage: ./village discovery rebuild   (fills the story index from the database again)");
            exitCode = 2;
            return;
        }
        long start = System.nanoTime();
        int[] last = {0};
        int filed = indexer.rebuild(n -> {
            if (n / 1_000 > last[0] / 1_000) {
                System.err.println("  " + n + " posts filed...");
            }
            last[0] = n;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = index.sizeOnDisk();
        out.printf("Rebuilt the story index: %d posts in %.1f s, loading the model included (%.1f posts/s); "
                        + "the index holds %d and takes %s.%n", filed, seconds, filed / Math.max(seconds, 1e-9), index.size(),
                bytes < 1_000_000 ? (bytes / 1000) + " kB" : String.format("%.1f MB", bytes / 1e6));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
