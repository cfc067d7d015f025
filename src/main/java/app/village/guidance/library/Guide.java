package app.village.guidance.library;

import java.util.List;
import java.util.Set;

import app.village.guidance.GuideSummary;
import app.village.understanding.WriterRole;

/**
 * A guide with its body.
 *
 * @param parents the roles of the person who is struggling that the guide is written for (all roles when empty)
 * @param markdown the body as written
 * @param text the body as plain words, for searching
 */
public record Guide(GuideSummary summary, Set<WriterRole> parents, String markdown, List<Block> body, String text) {

    public String slug() {
        return summary.slug();
    }
}
