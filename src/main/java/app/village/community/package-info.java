/**
 * The community: posts (stories), replies, reactions, follows, notifications of new replies, and
 * reports of posts and replies for the moderators. It announces what happens through the events
 * at this package's root (ids only, never text), so later modules can read and act on posts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community", allowedDependencies = {"platform", "accounts"})
package app.village.community;
