package app.village.community.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.village.accounts.PersonalDataContributor;

/** The community's part of a member's data export: what they wrote, reacted to, followed and reported. */
@Component
class CommunityExport implements PersonalDataContributor {

    private final PostRepository posts;
    private final ReplyRepository replies;
    private final EngagementRepository engagement;
    private final ReportRepository reports;

    CommunityExport(PostRepository posts, ReplyRepository replies, EngagementRepository engagement, ReportRepository reports) {
        this.posts = posts;
        this.replies = replies;
        this.engagement = engagement;
        this.reports = reports;
    }

    @Override
    public String section() {
        return "community";
    }

    @Override
    public Object export(UUID memberId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("posts", posts.byAuthor(memberId));
        data.put("replies", replies.byAuthor(memberId));
        data.put("reactions", engagement.reactionsBy(memberId));
        data.put("follows", engagement.followsBy(memberId));
        data.put("reports", reports.byReporter(memberId));
        return data;
    }
}
