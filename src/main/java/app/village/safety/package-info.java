/**
 * Keeping parents safe: crisis help that fits the parent's country, shown at once when a text
 * is urgent and on "Need help now?". Crisis resources are data
 * ({@code src/main/resources/safety/crisis-resources.json}), each line with its source and the
 * date it was last checked. {@link app.village.safety.CrisisHelp} is the API other modules use to
 * put the crisis panel ({@code templates/safety/crisis-panel.html}) in front of a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety", allowedDependencies = {"platform"})
package app.village.safety;
