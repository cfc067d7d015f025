package app.village.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.village.screening.ScreeningCompleted;
import app.village.understanding.PostUnderstood;

/** Keeps the events other modules publish, so tests can see what a later module would receive. */
@Component
public class RecordedEvents {

    private final List<PostUnderstood> understood = new CopyOnWriteArrayList<>();
    private final List<ScreeningCompleted> screenings = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PostUnderstood event) {
        understood.add(event);
    }

    @EventListener
    void on(ScreeningCompleted event) {
        screenings.add(event);
    }

    public List<ScreeningCompleted> screenings() {
        return List.copyOf(screenings);
    }

    public List<PostUnderstood> understood() {
        return List.copyOf(understood);
    }
}
