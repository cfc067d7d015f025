package app.village.guidance.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.village.community.StoryNotes;
import app.village.guidance.Guidance;
import app.village.guidance.Situations;
import app.village.guidance.Suggestion;
import app.village.understanding.Insights;

/**
 * "What might help", under a post for its writer only (the community shows notes to the writer
 * alone): the guides matched to what the post was heard to say, each with its reason. The country,
 * which decides whether guides about one country's services fit, is the browser's language region
 * (en-GB, en-US, en-AU); nothing about it is stored.
 */
@Component
@Order(20)
class GuidanceNotes implements StoryNotes {

    static final String HEADING = "What might help";
    static final String READING = "Guides chosen from what you wrote will appear here once your post has been read.";

    private final Insights readings;
    private final Guidance guidance;

    GuidanceNotes(Insights readings, Guidance guidance) {
        this.readings = readings;
        this.guidance = guidance;
    }

    @Override
    public Optional<Note> forWriter(UUID postId) {
        if (readings.awaitingReading(postId)) {
            return Optional.of(Note.pending(HEADING, READING));
        }
        String country = Countries.ofCurrentRequest();
        return readings.ofPost(postId).map(insight -> Situations.of(insight, country)).map(guidance::suggestFor)
                .filter(s -> !s.isEmpty()).map(GuidanceNotes::note);
    }

    private static Note note(List<Suggestion> suggestions) {
        return new Note(HEADING, List.of(),
                "Chosen automatically from what you wrote. Guides are general information from the sources they name, not a diagnosis or advice for you alone.",
                suggestions.stream().map(s -> new Link(s.guide().title(), s.guide().path(), s.reason())).toList());
    }
}
