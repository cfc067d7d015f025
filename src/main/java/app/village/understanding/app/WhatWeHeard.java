package app.village.understanding.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.community.StoryNotes;
import app.village.understanding.Insights;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "What we heard", shown to the writer under their own post: the themes in plain words, whose they
 * are, never a diagnosis and nothing alarming. Crisis help for urgent readings is the safety
 * module's work; the help link is on every page already.
 */
@Component
@org.springframework.core.annotation.Order(10) // first among the notes: what was heard, then what might help
class WhatWeHeard implements StoryNotes {

    static final String HEADING = "What we heard";
    static final String READING = "We are reading your post now. What we heard will appear here by itself in a moment.";

    private final InsightStore store;
    private final Insights insights;
    private final JsonMapper json;

    WhatWeHeard(InsightStore store, Insights insights, JsonMapper json) {
        this.store = store;
        this.insights = insights;
        this.json = json;
    }

    @Override
    public Optional<Note> forWriter(UUID postId) {
        // The reading runs in the background and often lands a moment after the page: say so rather than nothing.
        if (insights.awaitingReading(postId)) {
            return Optional.of(Note.pending(HEADING, READING));
        }
        return store.insightJson("POST", postId).map(json::readTree).map(WhatWeHeard::note);
    }

    /** Longest quote shown; a parent recognises their sentence from its start. */
    static final int QUOTE = 110;

    /** The writer's own sentence that carried the theme, so they can see why it was heard. */
    static String heardIn(JsonNode evidence) {
        if (!evidence.isArray() || evidence.isEmpty()) {
            return "";
        }
        String text = evidence.get(0).path("text").asString("").strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        if (text.length() > QUOTE) {
            int cut = text.lastIndexOf(' ', QUOTE);
            text = text.substring(0, cut > QUOTE / 2 ? cut : QUOTE) + "…";
        }
        return ", from your words “" + text + "”";
    }

    static Note note(JsonNode insight) {
        List<String> lines = new ArrayList<>();
        for (JsonNode theme : insight.path("themes")) {
            String words = theme.path("plainWords").asString();
            String person = theme.path("person").asString();
            String whose = switch (person) {
                case "partner" -> " for your partner";
                case "child" -> " for your little one";
                case "other" -> " for someone close to you";
                default -> "";
            };
            lines.add(Character.toUpperCase(words.charAt(0)) + words.substring(1) + whose + heardIn(theme.path("evidence")));
        }
        if (lines.isEmpty()) {
            return new Note(HEADING, List.of("Nothing in particular stood out to us. Other parents can still reply."),
                    "This is read automatically to suggest help; it is not a diagnosis.");
        }
        return new Note(HEADING, lines,
                "This is read automatically so Village can suggest help that fits. It is not a diagnosis, and only you see it.");
    }
}
