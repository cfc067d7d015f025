/**
 * The private journal: daily check-ins (mood, closeness to each child, sleep, medication),
 * free journal entries, charts, patterns in plain words, export and deletion. Everything here is
 * visible to its owner alone, through pages and API alike; moderators learn of an entry only
 * when its owner asks for support ({@link app.village.journal.SupportRequested}, which carries no
 * text).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal",
        allowedDependencies = {"platform", "accounts", "understanding", "safety"})
package app.village.journal;
