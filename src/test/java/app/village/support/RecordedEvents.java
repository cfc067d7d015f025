package app.village.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.understanding.PostUnderstood;

/** Keeps the events other modules publish, so tests can see what a later module would receive. */
@Component
public class RecordedEvents {

    private final List<PostUnderstood> understood = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PostUnderstood event) {
        understood.add(event);
    }

    public List<PostUnderstood> understood() {
        return List.copyOf(understood);
    }
}
