package app.village.understanding.app;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.village.community.PostDeleted;
import app.village.community.PostEdited;
import app.village.community.PostPublished;
import app.village.community.ReplyDeleted;
import app.village.community.ReplyEdited;
import app.village.community.ReplyPublished;
import app.village.community.Stories;
import app.village.community.WritingErased;

/**
 * Every new or edited post and reply is read after its transaction commits, on another thread,
 * so writing never waits for the model. The events are stored with the change (Spring Modulith's
 * registry) and re-delivered after a crash, so nothing goes unread. The readings are not wrapped
 * in one transaction (unlike an application module listener): reading a text takes no database
 * connection, so a burst of posts cannot hold the pool while the readers work ({@link Reader}).
 */
@Component
class UnderstandingListener {

    private final Stories stories;
    private final Reader reader;
    private final InsightStore store;

    UnderstandingListener(Stories stories, Reader reader, InsightStore store) {
        this.stories = stories;
        this.reader = reader;
        this.store = store;
    }

    @Async
    @TransactionalEventListener
    void on(PostPublished event) {
        readPost(event.postId());
    }

    @Async
    @TransactionalEventListener
    void on(PostEdited event) {
        readPost(event.postId());
    }

    @Async
    @TransactionalEventListener
    void on(ReplyPublished event) {
        readReply(event.replyId());
    }

    @Async
    @TransactionalEventListener
    void on(ReplyEdited event) {
        readReply(event.replyId());
    }

    /** The latest text is read, so an event delivered late never reads an old version. */
    private void readPost(java.util.UUID postId) {
        stories.postText(postId).ifPresent(story -> reader.read("POST", story));
    }

    private void readReply(java.util.UUID replyId) {
        stories.replyText(replyId).ifPresent(story -> reader.read("REPLY", story));
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        store.deleteForPost(event.postId());
    }

    @ApplicationModuleListener
    void on(ReplyDeleted event) {
        store.deleteForReplies(java.util.List.of(event.replyId()));
    }

    /**
     * In the erasing transaction (synchronous on purpose): the readings keep the writer's sentences as
     * evidence, so they go with the texts or the erasure does not happen.
     */
    @EventListener
    void on(WritingErased event) {
        store.deleteForPosts(event.postIds());
        store.deleteForReplies(event.replyIds());
    }
}
