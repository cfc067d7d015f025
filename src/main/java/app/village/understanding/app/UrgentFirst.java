package app.village.understanding.app;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.village.community.PostEdited;
import app.village.community.PostPublished;
import app.village.community.ReplyEdited;
import app.village.community.ReplyPublished;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.understanding.RiskLevel;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.core.RuleAnalyzer;

/**
 * Urgent texts are read first. The readings of a burst of posts queue on the shared background
 * threads, so an urgent post could wait a minute behind 200 calm ones before a moderator is
 * alerted. After each commit the lexicon alone (no model, milliseconds) looks at the text on a
 * thread of its own (never the request's: a burst's requests would hold their connections while it
 * looks); where it hears an urgent sign, the full reading runs at once on two threads of their own. The usual
 * reading still follows on the shared threads and is the durable one (its event is re-delivered
 * after a crash); it finds the reading already kept, so nothing is told twice.
 */
@Component
class UrgentFirst {

    static final String EXECUTOR = "urgentReadingExecutor";
    static final String TRIAGE = "triageExecutor";
    private static final Logger log = LoggerFactory.getLogger(UrgentFirst.class);

    private final Stories stories;
    private final Reader reader;
    private final Executor executor;
    private final RuleAnalyzer triage = new RuleAnalyzer();

    UrgentFirst(Stories stories, Reader reader, @Qualifier(EXECUTOR) Executor executor) {
        this.stories = stories;
        this.reader = reader;
        this.executor = executor;
    }

    @Async(TRIAGE)
    @TransactionalEventListener
    void on(PostPublished event) {
        post(event.postId());
    }

    @Async(TRIAGE)
    @TransactionalEventListener
    void on(PostEdited event) {
        post(event.postId());
    }

    @Async(TRIAGE)
    @TransactionalEventListener
    void on(ReplyPublished event) {
        reply(event.replyId());
    }

    @Async(TRIAGE)
    @TransactionalEventListener
    void on(ReplyEdited event) {
        reply(event.replyId());
    }

    private void post(UUID id) {
        if (soundsUrgent(stories.postText(id))) {
            executor.execute(() -> readNow("POST", () -> stories.postText(id)));
        }
    }

    private void reply(UUID id) {
        if (soundsUrgent(stories.replyText(id))) {
            executor.execute(() -> readNow("REPLY", () -> stories.replyText(id)));
        }
    }

    private boolean soundsUrgent(Optional<StoryText> story) {
        return story.map(s -> triage.analyze(new TextToAnalyze(s.body(), s.title(), null, null)).riskLevel() == RiskLevel.URGENT)
                .orElse(false);
    }

    /** The latest text, read where it runs, so a reading that waited never keeps an old version. */
    private void readNow(String kind, java.util.function.Supplier<Optional<StoryText>> latest) {
        try {
            latest.get().ifPresent(story -> reader.read(kind, story));
        } catch (RuntimeException e) {
            // The usual reading on the shared threads still comes; never the text in the log.
            log.warn("An urgent-looking {} could not be read first ({}); it is read in turn", kind.toLowerCase(), e.getClass().getSimpleName());
        }
    }
}
