package app.village.understanding.app;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.village.accounts.Member;
import app.village.accounts.MemberDirectory;
import app.village.community.Stories;
import app.village.community.StoryText;
import app.village.understanding.Analyzer;
import app.village.understanding.Insight;
import app.village.understanding.InsightJson;
import app.village.understanding.PostUnderstood;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.WriterRole;
import tools.jackson.databind.json.JsonMapper;

/** Reads one post or reply, keeps what was heard, and tells the other modules. */
@Service
class Reader {

    private static final Logger log = LoggerFactory.getLogger(Reader.class);

    private final Analyzer analyzer;
    private final InsightStore store;
    private final Stories stories;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Reader(@org.springframework.context.annotation.Lazy Analyzer analyzer, InsightStore store, Stories stories,
           MemberDirectory members, ApplicationEventPublisher events, JsonMapper json, Clock clock,
           PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.analyzer = analyzer;
        this.store = store;
        this.stories = stories;
        this.members = members;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Reads outside any transaction (the analysis holds no connection), then keeps the reading and
     * tells the other modules in one short transaction, so the event is stored with the reading.
     */
    void read(String kind, StoryText story) {
        WriterRole role = story.authorId() == null ? null : members.find(story.authorId()).map(Member::familyRole)
                .map(r -> WriterRole.ofCode(r.name())).orElse(null);
        Insight insight = analyzer.analyze(new TextToAnalyze(story.body(), story.title(), role, story.childAgeMonths()));
        transactions.executeWithoutResult(status -> keep(kind, story, insight));
    }

    private void keep(String kind, StoryText story, Insight insight) {
        // Deleted or erased while it was being read: its sentences must not be kept as evidence of a text that is gone.
        if (!stories.lockIfPresent(kind, story.id())) {
            return;
        }
        InsightJson body = InsightJson.of(story.id().toString(), insight);
        boolean saved = store.save(kind, story.id(), story.postId(), story.version(), insight.analyserVersion(),
                insight.riskLevel().code(), body.themes().stream().map(InsightJson.ThemeJson::code).toList(),
                json.writeValueAsString(body), clock.instant());
        if (saved) {
            events.publishEvent(new PostUnderstood(kind, story.id(), story.postId(), story.authorId(), story.version(),
                    insight.riskLevel(), insight.riskReasons().stream().map(r -> r.code()).distinct().toList(),
                    body.themes().stream().map(InsightJson.ThemeJson::code).distinct().toList(), clock.instant()));
            log.info("Read {} {} (version {}): risk {}", kind.toLowerCase(), story.id(), story.version(), insight.riskLevel().code());
        }
    }
}
