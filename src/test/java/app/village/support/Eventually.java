package app.village.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for background work (readings, the queue, the index) to produce something, failing after a limit. */
public final class Eventually {

    private Eventually() {
    }

    /** The first non-null value, asked every 100 ms for up to 90 s. */
    public static <T> T eventually(String what, Supplier<T> value) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        T v;
        while ((v = value.get()) == null) {
            assertThat(Instant.now()).as("waited 90 s for " + what).isBefore(until);
            Thread.sleep(100);
        }
        return v;
    }
}
