/**
 * What helps: Village's library of guides, each written in our own words from cited sources, and
 * the matching of guides to a parent's situation. {@link app.village.guidance.Guidance} is the
 * entry point; a {@link app.village.guidance.Situation} is built from what the understanding of a
 * post heard ({@link app.village.guidance.Situations#of}) or from themes a caller names (a
 * screening result, a question). The guides live in {@code src/main/resources/guidance/} and are
 * checked at start-up: a guide without sources, review date or valid themes stops the application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance", allowedDependencies = {"platform", "understanding", "community", "safety"})
package app.village.guidance;
