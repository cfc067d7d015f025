package app.village.discovery.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.village.discovery.index.StoryIndex;
import app.village.platform.VillageProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoveryProperties.class)
class DiscoveryConfiguration {

    /** The index lives beside the embedded database, under {@code VILLAGE_DATA_DIR/index}; each node keeps its own. */
    @Bean(destroyMethod = "close")
    StoryIndex storyIndex(VillageProperties village) {
        Path folder = village.dataDir().toAbsolutePath().resolve("index");
        if (village.database().embedded() && village.database().cleanEmbedded()) {
            // A fresh database (tests) means a fresh index: stories of a former database must not linger.
            deleteFolder(folder);
        }
        return StoryIndex.open(folder);
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
