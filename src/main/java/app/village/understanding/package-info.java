/**
 * Reading a parent's text the way an experienced peer supporter would: which themes it touches,
 * whose experience each is, the child's age, and how urgent it is, each with the sentences that
 * show it. {@link app.village.understanding.Analyzer} is the one entry point; its core
 * ({@code core}, {@code model}) is plain Java with no web or database code. The codes follow
 * {@code shared/TAXONOMY.md} exactly.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Understanding", allowedDependencies = {"platform", "accounts", "community"})
package app.village.understanding;
