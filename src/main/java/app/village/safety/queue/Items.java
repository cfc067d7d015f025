package app.village.safety.queue;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Read access to one queue item for the rest of the safety module (the alerts), without its table. */
@Component
public class Items {

    private final QueueRepository queue;

    Items(QueueRepository queue) {
        this.queue = queue;
    }

    public Optional<QueueItem> find(UUID id) {
        return queue.find(id);
    }
}
