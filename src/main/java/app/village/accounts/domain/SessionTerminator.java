package app.village.accounts.domain;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends a member's sessions on every node (they live in PostgreSQL), after a password change or erasure. */
@Component
class SessionTerminator {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

    SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
        this.repository = repository;
    }

    void endAllExcept(UUID memberId, String keepSessionId) {
        FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return;
        }
        sessions.findByPrincipalName(memberId.toString()).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }
}
