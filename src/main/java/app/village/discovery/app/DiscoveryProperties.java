package app.village.discovery.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.village.discovery.index.Fusion;

/**
 * {@code village.discovery.*}.
 *
 * @param rebuildWhenEmpty at start-up, fill an empty or missing index from the database in the background
 * @param fusion           how word and meaning rankings are combined (ADR 0011)
 */
@ConfigurationProperties("village.discovery")
public record DiscoveryProperties(@DefaultValue("true") boolean rebuildWhenEmpty, @DefaultValue("WEIGHTED") Fusion fusion) {
}
