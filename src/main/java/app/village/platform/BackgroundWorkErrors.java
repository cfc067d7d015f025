package app.village.platform;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * Failures of background work. While Village stops, work that cannot finish (the database or the
 * model going away) is expected: its event publication stays incomplete and is delivered again at
 * the next start, so it is one line, not an error with a stack trace. Exception messages are left
 * out: a driver's message may quote the text being written.
 */
@Component
class BackgroundWorkErrors implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorkErrors.class);

    private volatile boolean stopping;

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return this::failed;
    }

    void failed(Throwable e, Method method, Object... params) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (stopping) {
            log.info("Background work {} left for the next start because Village is stopping ({})", where, e.getClass().getSimpleName());
        } else {
            log.error("Background work {} failed ({}); an event it handled is delivered again at the next start", where,
                    e.getClass().getName(), Redacted.of(e));
        }
    }
}
