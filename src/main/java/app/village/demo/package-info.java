/**
 * Demo mode ({@code ./village serve --demo}): a handful of sample members, stories and replies,
 * written for Village, so a newcomer sees a living community. Loading twice adds nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"platform", "accounts", "community"})
package app.village.demo;
