/**
 * Keeping parents safe: the risk policy (what each risk level and its reasons lead to), crisis help
 * that fits the parent's country, the moderators' queue with its actions, and the append-only audit
 * of everything moderators and admins do. Crisis resources are data
 * ({@code src/main/resources/safety/crisis-resources.json}), each line with its source and the date it
 * was last checked. {@link app.village.safety.CrisisHelp} puts the crisis panel
 * ({@code templates/safety/crisis-panel.html}) in front of a person; {@link app.village.safety.SafetySignals}
 * lets other modules (screening, journal) put a member in front of a moderator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety",
        allowedDependencies = {"platform", "accounts", "community", "understanding"})
package app.village.safety;
