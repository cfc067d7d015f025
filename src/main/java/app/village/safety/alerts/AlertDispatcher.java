package app.village.safety.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A few threads per node that work through due steps and messages until there are none, then wait to
 * be woken (a new item on this node) or for the poll interval (items, retries and deadlines of other
 * nodes, or from before a restart). Rows are taken with SKIP LOCKED, so nodes share the work.
 */
@Component
class AlertDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final int WORKERS = 2;

    private final AlertWork work;
    private final AlertProperties properties;
    private final AlertChannels channels;
    private final List<BlockingQueue<Boolean>> signals = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    AlertDispatcher(AlertWork work, AlertProperties properties, AlertChannels channels) {
        this.work = work;
        this.properties = properties;
        this.channels = channels;
        for (int i = 0; i < WORKERS; i++) {
            signals.add(new ArrayBlockingQueue<>(1));
        }
    }

    /** Look now: something was just planned. A wake-up while busy is kept, so none is lost. */
    void wake() {
        signals.forEach(s -> s.offer(Boolean.TRUE));
    }

    @Override
    public synchronized void start() {
        // A node with no channel takes no work: it would mark other nodes' steps done with nobody told.
        if (running || !properties.dispatch() || channels.enabled().isEmpty()) {
            return;
        }
        running = true;
        for (int i = 0; i < WORKERS; i++) {
            BlockingQueue<Boolean> signal = signals.get(i);
            // Platform threads: each holds a pooled connection and a row lock while a channel answers.
            Thread t = Thread.ofPlatform().daemon().name("village-alerts-" + i).start(() -> loop(signal));
            threads.add(t);
        }
    }

    private void loop(BlockingQueue<Boolean> signal) {
        Duration pause = properties.pollEvery();
        while (running) {
            try {
                boolean busy = work.stepOnce();
                busy |= work.deliverOnce();
                if (!busy) {
                    signal.poll(pause.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Alert dispatch failed; trying again shortly", e);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
