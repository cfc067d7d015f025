package app.village.discovery.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What expunging an erased writer's stories costs on an index of realistic size: {@code village.bench.stories}
 * stories (default 20,000) of about 120 words with unit vectors of the model's size, merged into one segment as
 * after a rebuild; then 5 are removed and the segment rewritten. Prints an {@code EXPUNGE} line (ADR 0016).
 *
 * <pre>./mvnw -q -B verify -Dtest=ExpungeBenchmark -Dvillage.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "village.bench", matches = "true")
class ExpungeBenchmark {

    private static final String[] WORDS = ("baby sleep night feed cry tired mother father partner love bond scared "
            + "hospital midwife health visitor week month day slowly better worse alone help family friend walk milk "
            + "bottle breast settle rock sing hold nappy bath morning evening tears laugh smile worry anxious calm").split(" ");

    @TempDir
    Path folder;

    @Test
    void expungeFiveStoriesFromALargeIndex() {
        int stories = Integer.getInteger("village.bench.stories", 20_000);
        Random random = new Random(42);
        List<UUID> ids = new ArrayList<>();
        try (StoryIndex index = StoryIndex.open(folder)) {
            long fill = System.nanoTime();
            for (int i = 0; i < stories; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                index.putWithoutPublishing(new IndexedStory(id, UUID.randomUUID(), "Story " + i, text(random, 120), 3, "mother",
                        true, List.of("sleep_problems"), Instant.now(), 0, vector(random)));
            }
            index.publish();
            index.compact();
            long filled = System.nanoTime();
            long bytes = index.sizeOnDisk();
            index.removeAll(ids.subList(0, 5));
            long start = System.nanoTime();
            index.expungeDeleted();
            long took = System.nanoTime() - start;
            System.out.printf("EXPUNGE stories=%d size-mb=%.1f fill-and-merge-s=%.1f expunge-5-s=%.2f segments=%d%n", stories,
                    bytes / 1e6, (filled - fill) / 1e9, took / 1e9, index.segments());
        }
    }

    private static String text(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return out.toString();
    }

    private static float[] vector(Random random) {
        float[] v = new float[StoryIndex.DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
