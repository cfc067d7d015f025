package app.village.community.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.village.community.ReactionKind;
import app.village.platform.Paragraphs;

/** A post with its replies, as one member sees it. */
public record ThreadView(Post post, String authorHandle, List<ReplyView> replies, Map<ReactionKind, Integer> reactionCounts,
                         Set<ReactionKind> myReactions, boolean following, boolean mine) {

    public record ReplyView(Reply reply, String authorHandle, boolean mine) {

        /** The reply's text split for safe rendering. */
        public List<Paragraphs.Paragraph> paragraphs() {
            return Paragraphs.of(reply.body());
        }
    }
}
