package app.village.discovery.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import app.village.community.Stories;
import app.village.discovery.index.StoryIndex;

/** A missing or empty index while posts exist (first start of this version, a new node, a lost folder) is filled in the background. */
@Component
class StartupRebuild {

    private static final Logger log = LoggerFactory.getLogger(StartupRebuild.class);

    private final ObjectProvider<StoryIndex> index;
    private final Stories stories;
    private final ObjectProvider<Indexer> indexer;
    private final boolean enabled;

    /**
     * The index is asked for only when this start rebuilds: 'admin grant' runs beside a server that
     * holds the index's lock, and opening it there made the command fail.
     */
    StartupRebuild(ObjectProvider<StoryIndex> index, Stories stories, ObjectProvider<Indexer> indexer, DiscoveryProperties properties,
                   @Value("${village.command:serve}") String command) {
        this.index = index;
        this.stories = stories;
        this.indexer = indexer;
        // A command (the rebuild command itself, admin) does its own work and leaves.
        this.enabled = properties.rebuildWhenEmpty() && command.equals("serve");
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        if (enabled && needed()) {
            log.info("The story index is empty while posts exist: rebuilding it in the background");
            indexer.getObject().rebuild(n -> { });
        }
    }

    boolean needed() {
        return index.getObject().size() == 0 && !stories.postIds(null, 1).isEmpty();
    }
}
