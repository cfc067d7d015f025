package app.village.discovery.app;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.village.accounts.AccountErased;
import app.village.accounts.ContentChoice;
import app.village.community.PostDeleted;
import app.village.community.PostEdited;
import app.village.community.PostHidden;
import app.village.community.PostRestored;
import app.village.community.PostPublished;
import app.village.community.WritingErased;
import app.village.discovery.index.StoryIndex;
import app.village.understanding.PostUnderstood;

/**
 * Keeps the index in step with the community after each change commits. The events are stored
 * with the change and re-delivered after a crash; each node of a cluster receives the events of
 * its own requests and keeps its own index (README, "Running at scale").
 */
@Component
class DiscoveryListener {

    private final Indexer indexer;
    private final ThemeStore themes;
    private final StoryIndex index;
    private final Clock clock;

    DiscoveryListener(Indexer indexer, ThemeStore themes, StoryIndex index, Clock clock) {
        this.indexer = indexer;
        this.themes = themes;
        this.index = index;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PostPublished event) {
        indexer.refresh(event.postId());
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        indexer.refresh(event.postId());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        indexer.forget(event.postId());
        themes.delete(java.util.List.of(event.postId()));
    }

    /** A post held or hidden by the safety module leaves the index; answers are checked against the community too. */
    @ApplicationModuleListener
    void on(PostHidden event) {
        if (event.subjectKind().equals("POST")) {
            indexer.forget(event.postId());
        }
    }

    @ApplicationModuleListener
    void on(PostRestored event) {
        if (event.subjectKind().equals("POST")) {
            indexer.refresh(event.postId());
        }
    }

    @ApplicationModuleListener
    void on(PostUnderstood event) {
        if (event.subjectKind().equals("POST")
                && themes.save(event.postId(), event.textVersion(), event.themes(), clock.instant())) {
            // Re-filed once the themes are committed: a refresh for the same post running meanwhile
            // (its publication) reads them only then, and the post's lock orders the two writes.
            afterCommit(() -> indexer.refresh(event.postId()));
        }
    }

    /**
     * An erased writer chose to delete their posts: they leave the index, and so do the files' copies of them
     * (a deleted story otherwise stays in its segment, words and all, until Lucene merges it away; ADR 0016).
     * The posts are the community's list, not the index's: one held, or not filed yet, is found too.
     */
    @ApplicationModuleListener
    void on(WritingErased event) {
        indexer.forgetAll(event.postIds());
        themes.delete(event.postIds());
        index.expungeDeleted();
    }

    /** An erased writer chose to leave their posts: filed again without the writer, and the copies that named them expunged. */
    @ApplicationModuleListener
    void on(AccountErased event) {
        if (event.contentChoice() == ContentChoice.ANONYMISE) {
            index.idsByAuthor(event.memberId()).forEach(indexer::refresh);
            index.expungeDeleted();
        }
    }

    private static void afterCommit(Runnable action) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                });
    }
}
