package app.village.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An application module listener (durable: its event is stored with the change and delivered again after a
 * crash, in a transaction of its own after the change commits) for work someone at risk may be waiting on,
 * such as queueing an urgent reading and alerting whoever is on call. It runs on the urgent executor's own
 * threads: on the shared background threads it waited behind every reading and indexing a burst of posts
 * had queued before it, over a minute for 200 posts at once.
 */
@Async(PlatformConfiguration.URGENT_EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface UrgentListener {
}
