package app.village.safety.alerts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.village.accounts.AccountErased;
import app.village.platform.UrgentListener;
import app.village.safety.queue.ItemOpened;

/**
 * Plans an item's alert steps from the queue's own durable event: if Village stops after the item is
 * queued and before this ran, the registry delivers {@link ItemOpened} again at the next start, and the
 * steps' keys make a second planning add nothing. Escalations are planned now with their due times, so
 * a deadline survives restarts too.
 */
@Component
class AlertPlanner {

    private final AlertRepository repository;
    private final AlertChannels channels;
    private final AlertDispatcher dispatcher;
    private final AlertProperties properties;
    private final OnCall onCall;
    private final PushSubscriptionRepository browsers;

    AlertPlanner(AlertRepository repository, AlertChannels channels, AlertDispatcher dispatcher, AlertProperties properties, OnCall onCall,
                 PushSubscriptionRepository browsers) {
        this.repository = repository;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.onCall = onCall;
        this.browsers = browsers;
    }

    @UrgentListener
    void on(ItemOpened event) {
        plan(event);
    }

    /** A member who is erased is no longer anyone's on call, and none of their browsers is alerted. */
    @ApplicationModuleListener
    void on(AccountErased event) {
        onCall.forget(event.memberId());
        browsers.forget(event.memberId());
    }

    void plan(ItemOpened event) {
        if (!properties.pages(event.level()) || channels.enabled().isEmpty()) {
            return;
        }
        repository.planStep(event.itemId(), 0, event.openedAt());
        repository.planStep(event.itemId(), 1, event.openedAt().plus(properties.escalateAfter(event.level())));
        repository.planStep(event.itemId(), 2, event.openedAt().plus(properties.escalateAfter(event.level()).multipliedBy(2)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        } else {
            dispatcher.wake();
        }
    }
}
