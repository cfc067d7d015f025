package app.village.journal.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.village.accounts.MemberDirectory;
import app.village.journal.SupportRequested;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.platform.UserText;
import app.village.understanding.Analyzer;
import app.village.understanding.InsightJson;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.WriterRole;

/** Journal entries: free writing, private to the writer, searchable, editable, deletable, understood on request. */
@Service
public class EntryService {

    public static final int BODY_MAX = 50_000;
    public static final int PAGE_SIZE = 20;
    static final int QUERY_MAX = 200;

    private final EntryRepository entries;
    private final PreferenceRepository preferences;
    private final MemberDirectory members;
    private final ObjectProvider<Analyzer> analyzer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    EntryService(EntryRepository entries, PreferenceRepository preferences, MemberDirectory members,
                 ObjectProvider<Analyzer> analyzer, ApplicationEventPublisher events, Clock clock,
                 PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.entries = entries;
        this.preferences = preferences;
        this.members = members;
        this.analyzer = analyzer;
        this.events = events;
        this.clock = clock;
    }

    /** A page of entries, newest first, or the best matches of a search. {@code hasMore} says whether another page follows. */
    public record Listing(List<Entry> entries, String query, int page, boolean hasMore) {
    }

    @Transactional
    public Entry write(UUID memberId, String body, UUID submissionKey) {
        String text = body(body);
        UUID id = entries.insertOnce(UUID.randomUUID(), memberId, text, submissionKey == null ? UUID.randomUUID() : submissionKey,
                clock.instant());
        return get(memberId, id);
    }

    /** The member's own entry; another member's entry is "not found", so its existence does not leak. */
    @Transactional(readOnly = true)
    public Entry get(UUID memberId, UUID id) {
        return entries.find(memberId, id).orElseThrow(() -> new NotFoundException("There is no such journal entry."));
    }

    @Transactional
    public Entry edit(UUID memberId, UUID id, Integer version, String body) {
        if (version == null) {
            throw new InvalidInputException("version", "Send the version of the entry you edited, as read from it.");
        }
        String text = body(body);
        Entry current = get(memberId, id);
        if (!entries.update(memberId, id, version, text, clock.instant())) {
            if (current.body().equals(text)) {
                return current;
            }
            throw new ConflictException("This entry was changed meanwhile, perhaps on another device. Nothing was saved: "
                    + "copy what you wrote, open the entry again and add it there.");
        }
        return get(memberId, id);
    }

    @Transactional
    public void delete(UUID memberId, UUID id) {
        if (!entries.delete(memberId, id)) {
            throw new NotFoundException("There is no such journal entry.");
        }
    }

    @Transactional(readOnly = true)
    public Listing list(UUID memberId, String query, int page) {
        if (page < 1 || page > 10_000) {
            throw new InvalidInputException("page", "The page number must be from 1 to 10000.");
        }
        String q = UserText.optional("q", "The search", query, QUERY_MAX, false);
        int offset = (page - 1) * PAGE_SIZE;
        List<Entry> found = q == null ? entries.newest(memberId, PAGE_SIZE + 1, offset)
                : entries.search(memberId, q, PAGE_SIZE + 1, offset);
        boolean more = found.size() > PAGE_SIZE;
        return new Listing(more ? found.subList(0, PAGE_SIZE) : found, q, page, more);
    }

    /**
     * Reads the entry now (synchronously, nothing stored) and says what was heard in plain words.
     * Outside any transaction: the first reading loads the model, and no connection waits on it.
     */
    public Heard understand(UUID memberId, UUID id) {
        return read(memberId, get(memberId, id));
    }

    /**
     * The writer asks a moderator to reach out. The entry is read again here, so the risk level
     * sent is the server's own; a second request for the same version is not sent twice. The
     * request and its event are stored in one transaction (the event registry's), after reading.
     *
     * @return true when the request was new
     */
    public boolean requestSupport(UUID memberId, UUID id) {
        Entry entry = get(memberId, id);
        Heard heard = read(memberId, entry);
        Boolean fresh = transactions.execute(status -> {
            Instant at = clock.instant();
            if (!preferences.recordSupportRequest(memberId, id, entry.version(), at)) {
                return false;
            }
            events.publishEvent(new SupportRequested(memberId, heard.riskLevel(), heard.reasonCodes(), at));
            return true;
        });
        return Boolean.TRUE.equals(fresh);
    }

    private Heard read(UUID memberId, Entry entry) {
        WriterRole role = members.find(memberId).map(m -> WriterRole.ofCode(m.familyRole().name())).orElse(null);
        return Heard.of(InsightJson.of(null, analyzer.getObject().analyze(new TextToAnalyze(entry.body(), null, role, null))));
    }

    private static String body(String body) {
        return UserText.required("body", "Your entry", body, BODY_MAX, true);
    }
}
