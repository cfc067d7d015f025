/**
 * Discovery: a search index of community posts (Lucene, under the data directory) with their
 * full text and their meaning (all-MiniLM-L6-v2 vectors), kept in step with the community
 * through its events, for "parents who wrote something like this" under each post and for
 * searching stories by words, theme, child's age and who wrote them. Private, hidden and deleted
 * posts never reach anyone else: the index files them apart, and every answer is checked against
 * the community at the moment it is given.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discovery",
        allowedDependencies = {"platform", "accounts", "community", "understanding"})
package app.village.discovery;
