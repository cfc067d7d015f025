package app.village.discovery.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import app.village.accounts.Member;
import app.village.accounts.MemberDirectory;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.discovery.index.IndexedStory;
import app.village.discovery.index.StoryIndex;
import app.village.understanding.TextEmbedder;

/**
 * Files posts in the index as the community has them now: text, meaning, writer's role, child's
 * age, themes, and whether other members may see it. Always reads the latest state, so an event
 * delivered late or twice files nothing stale.
 */
@Service
class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    private static final int PAGE = 200;

    private final Stories stories;
    private final MemberDirectory members;
    private final ThemeStore themes;
    private final StoryIndex index;
    private final TextEmbedder embedder;
    /** Striped by post: a lock, not synchronized, so a virtual thread embedding under it does not pin its carrier on JDK 21. */
    private final java.util.concurrent.locks.Lock[] locks = java.util.stream.Stream
            .generate(java.util.concurrent.locks.ReentrantLock::new).limit(64).toArray(java.util.concurrent.locks.Lock[]::new);

    Indexer(Stories stories, MemberDirectory members, ThemeStore themes, StoryIndex index, @Lazy TextEmbedder embedder) {
        this.stories = stories;
        this.members = members;
        this.themes = themes;
        this.index = index;
        this.embedder = embedder;
    }

    /**
     * Re-files one post, or drops it when it no longer exists. Two events about one post are often
     * handled at once (published, then understood a moment later); each reads and writes under the
     * post's lock, so the one that read older themes can never write after the one that read newer.
     */
    void refresh(UUID postId) {
        java.util.concurrent.locks.Lock lock = lockFor(postId);
        lock.lock();
        try {
            Optional<StoryText> text = stories.postText(postId);
            if (text.isEmpty()) {
                index.remove(postId);
                return;
            }
            index.put(story(text.get(), stories.readableByAll(Set.of(postId)), index.find(postId).orElse(null)));
        } finally {
            lock.unlock();
        }
    }

    void forget(UUID postId) {
        java.util.concurrent.locks.Lock lock = lockFor(postId);
        lock.lock();
        try {
            index.remove(postId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops these posts under each one's lock (taken in one order, so two callers never wait on each other): a
     * refresh that read one of them before it was erased cannot file it again after.
     */
    void forgetAll(java.util.Collection<UUID> postIds) {
        List<java.util.concurrent.locks.Lock> held = postIds.stream().map(this::stripe).distinct().sorted()
                .map(i -> locks[i]).toList();
        held.forEach(java.util.concurrent.locks.Lock::lock);
        try {
            index.removeAll(postIds);
        } finally {
            held.reversed().forEach(java.util.concurrent.locks.Lock::unlock);
        }
    }

    private java.util.concurrent.locks.Lock lockFor(UUID postId) {
        return locks[stripe(postId)];
    }

    private int stripe(UUID postId) {
        return Math.floorMod(postId.hashCode(), locks.length);
    }

    /**
     * Files every post of the database again, embedding each anew, then drops what the database
     * no longer has. Searches keep answering from the old entries meanwhile.
     *
     * @return how many posts were filed
     */
    int rebuild(IntConsumer progress) {
        long start = System.nanoTime();
        Set<UUID> filed = new HashSet<>();
        UUID after = null;
        while (true) {
            List<UUID> page = stories.postIds(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, Instant> listed = stories.readableByAll(page);
            for (UUID id : page) {
                stories.postText(id).ifPresent(text -> {
                    index.putWithoutPublishing(story(text, listed, null));
                    filed.add(id);
                });
            }
            index.publish();
            progress.accept(filed.size());
            after = page.get(page.size() - 1);
        }
        List<UUID> gone = new ArrayList<>(index.ids());
        gone.removeAll(filed);
        index.removeAll(gone);
        themes.delete(gone);
        index.compact();
        log.info("Story index rebuilt: {} posts in {} s", filed.size(), (System.nanoTime() - start) / 1_000_000_000);
        return filed.size();
    }

    private IndexedStory story(StoryText text, Map<UUID, Instant> listed, StoryIndex.Entry existing) {
        // The meaning depends on the text alone: when only the themes or the visibility changed, keep the vector.
        float[] vector = existing != null && existing.version() == text.version()
                ? existing.vector()
                : embedder.embed(IndexedStory.text(text.title(), text.body()));
        String role = text.authorId() == null ? "unknown" : members.find(text.authorId()).map(Member::familyRole)
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown");
        return new IndexedStory(text.postId(), text.authorId(), text.title(), text.body(), text.childAgeMonths(), role,
                listed.containsKey(text.postId()), themes.themes(text.postId()), listed.get(text.postId()), text.version(), vector);
    }
}
