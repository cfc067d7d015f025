package app.village.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The JDBC session store, writing a session only when something in it changed.
 *
 * <p>Spring Session sets a session's last access time on every request, which marks it changed, so
 * every signed-in page cost an {@code UPDATE spring_session} (and its WAL) after the one indexed
 * read. Here the last access time moves only when it is at least {@code touchEvery} old; a request
 * in between reads the session and writes nothing. The price: a session idle for its whole timeout
 * may end up to {@code touchEvery} early (one minute of eight hours by default).
 *
 * <p>Spring Session's filter also looks the session up a second time when it commits (to learn whether the
 * requested id was valid); within a request ({@link #withinRequest}) a session found once is answered from
 * memory, so the read happens once.
 */
final class QuietSessionRepository implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession>,
        org.springframework.beans.factory.DisposableBean {

    private static final ThreadLocal<Map<String, QuietSession>> FOUND_IN_THIS_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;
    private final JdbcIndexedSessionRepository jdbc;
    private final Duration touchEvery;

    @SuppressWarnings("unchecked")
    QuietSessionRepository(JdbcIndexedSessionRepository store, Duration touchEvery) {
        // Its session type (JdbcSession) is not public; every session handed back to it is one it made.
        this.store = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) store;
        this.jdbc = store;
        this.touchEvery = touchEvery;
    }

    /** It stands in for the JDBC store's bean, so it stops the store's clean-up schedule with the context. */
    @Override
    public void destroy() {
        jdbc.destroy();
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(store.createSession(), touchEvery);
    }

    @Override
    public void save(QuietSession session) {
        store.save(session.delegate);
    }

    @Override
    public QuietSession findById(String id) {
        Map<String, QuietSession> found = FOUND_IN_THIS_REQUEST.get();
        QuietSession known = found == null ? null : found.get(id);
        // A session whose id changed since (sign-in) is no longer found under the old one.
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        Session stored = store.findById(id);
        QuietSession session = stored == null ? null : new QuietSession(stored, touchEvery);
        if (session != null && found != null) {
            found.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, QuietSession> found = FOUND_IN_THIS_REQUEST.get();
        if (found != null) {
            found.remove(id);
        }
        store.deleteById(id);
    }

    /** Runs one request with its own memory of the sessions found; nothing is remembered past it. */
    static void withinRequest(ThrowingRunnable request) throws java.io.IOException, jakarta.servlet.ServletException {
        Map<String, QuietSession> outer = FOUND_IN_THIS_REQUEST.get();
        FOUND_IN_THIS_REQUEST.set(new java.util.HashMap<>());
        try {
            request.run();
        } finally {
            if (outer == null) {
                FOUND_IN_THIS_REQUEST.remove();
            } else {
                FOUND_IN_THIS_REQUEST.set(outer);
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws java.io.IOException, jakarta.servlet.ServletException;
    }

    @Override
    public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new QuietSession(session, touchEvery)));
        return sessions;
    }

    /** A stored session whose last access time moves in steps of {@code touchEvery}. */
    static final class QuietSession implements Session {

        private final Session delegate;
        private final Duration touchEvery;

        QuietSession(Session delegate, Duration touchEvery) {
            this.delegate = delegate;
            this.touchEvery = touchEvery;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            // Setting it at all marks the JDBC session changed, which means an UPDATE at the end of the request.
            if (!time.isBefore(delegate.getLastAccessedTime().plus(touchEvery))) {
                delegate.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
