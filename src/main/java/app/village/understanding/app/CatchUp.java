package app.village.understanding.app;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import app.village.community.Stories;
import app.village.understanding.Analyzer;
import app.village.understanding.TextToAnalyze;

/**
 * At start-up, reads every post that has no reading by the current analyser (posts written before
 * this version, or left unread for any reason), in the background, a page at a time.
 */
@Component
class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    static final long START_DELAY_MS = 10_000;

    private final Stories stories;
    private final Reader reader;
    private final InsightStore store;
    private final boolean enabled;
    private final Analyzer analyzer;

    CatchUp(Stories stories, Reader reader, InsightStore store, @org.springframework.context.annotation.Lazy Analyzer analyzer,
            @Value("${village.understanding.catch-up:true}") boolean enabled) {
        this.analyzer = analyzer;
        this.stories = stories;
        this.reader = reader;
        this.store = store;
        this.enabled = enabled;
    }

    private volatile boolean stopping;

    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void readWhatIsUnread() throws InterruptedException {
        if (!enabled) {
            return;
        }
        // Let the first pages be served before the model takes the processor.
        Thread.sleep(START_DELAY_MS);
        if (stopping) {
            return;
        }
        String analyser = analyzer.analyze(TextToAnalyze.of("")).analyserVersion();
        int read = 0;
        UUID after = null;
        while (true) {
            List<UUID> page = stories.postIds(after, 200);
            if (page.isEmpty()) {
                break;
            }
            for (UUID id : page) {
                if (stopping) {
                    return;
                }
                if (!store.has("POST", id, analyser)) {
                    stories.postText(id).ifPresent(story -> reader.read("POST", story));
                    read++;
                }
            }
            after = page.get(page.size() - 1);
        }
        if (read > 0) {
            log.info("Read {} posts that had no reading by {}", read, analyser);
        }
    }

}
