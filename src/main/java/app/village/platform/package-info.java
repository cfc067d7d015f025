/**
 * The small shared kernel: configuration, the database (embedded or external), security,
 * page layout, error handling and the rules for text typed by people. Every other module may
 * use the types at this package's root; nothing here knows about any other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package app.village.platform;
