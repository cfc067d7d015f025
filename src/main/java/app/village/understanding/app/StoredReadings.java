package app.village.understanding.app;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.understanding.Insight;
import app.village.understanding.InsightJson;
import app.village.understanding.Readings;
import tools.jackson.databind.json.JsonMapper;

/** Readings as stored by {@link Reader}: the JSON shape turned back into an {@link Insight}. */
@Component
class StoredReadings implements Readings {

    private final InsightStore store;
    private final JsonMapper json;

    StoredReadings(InsightStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Optional<Insight> ofPost(UUID postId) {
        return store.insightJson("POST", postId).map(text -> json.readValue(text, InsightJson.class).toInsight());
    }
}
