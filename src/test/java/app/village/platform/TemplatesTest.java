package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Guards the rule that nothing a person typed is ever rendered as HTML. */
class TemplatesTest {

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void noTemplateWritesUnescapedText() throws IOException {
        List<Path> templates = templates();
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String html = Files.readString(template);
            assertThat(html).as(template.toString()).doesNotContain("th:utext").doesNotContain("[(");
        }
    }

    @Test
    void everyPageHasTheCrisisLinkThroughTheLayout() throws IOException {
        assertThat(Files.readString(Path.of("src/main/resources/templates/layout.html"))).contains("Need help now?");
        int pages = 0;
        for (Path template : templates()) {
            String html = Files.readString(template);
            // A page has a <main>; fragment files (included into pages) do not.
            if (!template.getFileName().toString().equals("layout.html") && html.contains("<main")) {
                assertThat(html).as(template.toString()).contains("~{layout :: header}");
                pages++;
            }
        }
        assertThat(pages).isGreaterThan(5);
    }
}
