package app.village.guidance;

import java.time.LocalDate;
import java.util.List;

import app.village.understanding.Theme;

/** A guide as listed: everything but its body. {@code path} is its page in Village. */
public record GuideSummary(String slug, String title, String summary, List<Theme> themes, Audience audience,
                           int minAgeMonths, int maxAgeMonths, List<String> countries, String evidence,
                           LocalDate reviewed, List<Source> sources) {

    public String path() {
        return "/guides/" + slug;
    }

    /** A source a guide is written from. */
    public record Source(String title, String url) {
    }
}
