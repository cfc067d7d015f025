package app.village.understanding.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.understanding.core.SentenceEmbedder;
import app.village.understanding.model.MiniLmEmbedder;

/**
 * The one model of the process, shared by the analysis and by whoever embeds whole texts.
 * <p>
 * It is always created on a platform thread of its own: creating it loads the ONNX runtime and
 * many classes, and on a virtual thread that pins the carrier (two of them were all a 2-core
 * machine had, and start-up hung). Callers on virtual threads wait on a future, which does not pin.
 * It starts loading once the application is up, so the first reading rarely waits.
 * <p>
 * The native session is never created while Village stops (ONNX Runtime crashed the JVM with
 * SIGSEGV when a session was being created during the JVM's exit), and never closed: the process's
 * end releases it, and closing it while a listener may still embed is the same hazard.
 */
@Component
class SharedModel implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(SharedModel.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final boolean warmUp;
    private CompletableFuture<MiniLmEmbedder> model;
    private boolean stopping;

    SharedModel(@Value("${village.command:serve}") String command, @Value("${village.understanding.warm-up:true}") boolean warmUp) {
        this.warmUp = warmUp && command.equals("serve");
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (warmUp) {
            load();
        }
    }

    @Override
    public float[][] embed(List<String> sentences) {
        return load().join().embed(sentences);
    }

    float[] embedWhole(String text) {
        return load().join().embedWhole(text);
    }

    private CompletableFuture<MiniLmEmbedder> load() {
        lock.lock();
        try {
            if (model == null) {
                if (stopping) {
                    throw new VillageStoppingException();
                }
                CompletableFuture<MiniLmEmbedder> loading = new CompletableFuture<>();
                model = loading;
                Thread.ofPlatform().daemon().name("model-load").start(() -> {
                    long start = System.nanoTime();
                    try {
                        loading.complete(new MiniLmEmbedder(1));
                        log.info("Model all-MiniLM-L6-v2 loaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    } catch (Throwable t) {
                        loading.completeExceptionally(t);
                    }
                });
            }
            return model;
        } finally {
            lock.unlock();
        }
    }

    /** No new session from now on; one being created is waited for, so the JVM never exits in the middle of it. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        CompletableFuture<MiniLmEmbedder> loading;
        lock.lock();
        try {
            stopping = true;
            loading = model;
        } finally {
            lock.unlock();
        }
        if (loading != null) {
            try {
                loading.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                log.warn("The model was still loading after 60 s while Village stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception failed) {
                // its failure was already someone else's to report
            }
        }
    }

    /** Asked for the model while Village stops and before it was ever loaded: the work is left for the next start. */
    static final class VillageStoppingException extends IllegalStateException {
        VillageStoppingException() {
            super("Village is stopping; the model is not loaded any more");
        }
    }
}
