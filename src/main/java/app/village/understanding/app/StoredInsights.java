package app.village.understanding.app;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.community.Stories;
import app.village.understanding.InsightJson;
import app.village.understanding.Insights;
import tools.jackson.databind.json.JsonMapper;

/** {@link Insights} read from the insights table (its JSON is {@link InsightJson} as written by the reader). */
@Component
class StoredInsights implements Insights {

    private final InsightStore store;
    private final Stories stories;
    private final JsonMapper json;

    StoredInsights(InsightStore store, Stories stories, JsonMapper json) {
        this.store = store;
        this.stories = stories;
        this.json = json;
    }

    @Override
    public boolean awaitingReading(UUID postId) {
        return stories.postText(postId)
                .map(text -> store.textVersion("POST", postId).map(read -> read < text.version()).orElse(true))
                .orElse(false);
    }

    @Override
    public Optional<InsightJson> latestFor(String kind, UUID subjectId) {
        return store.insightJson(kind, subjectId).map(text -> json.readValue(text, InsightJson.class));
    }
}
