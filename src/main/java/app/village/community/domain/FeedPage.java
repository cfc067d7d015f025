package app.village.community.domain;

import java.util.List;

/** One page of the feed, numbered from 1. */
public record FeedPage(List<PostSummary> posts, int page, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
