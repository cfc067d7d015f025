package app.village;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The module diagrams and canvases of {@code docs/modules/}, written the same whatever order Spring Modulith's
 * Documenter lists things in. It walks the classpath and hash sets, so the relations of a diagram and the items of
 * a canvas came out in another order on each run and left a clean clone dirty after every test run (issue 14).
 * Each run of lines that is a list (a diagram's relations or components, a canvas cell's items) is sorted.
 */
final class ModuleDocs {

    private static final Pattern RELATION = Pattern.compile("^Rel\\(.*");
    private static final Pattern COMPONENT = Pattern.compile("^\\s*Component\\(.*");
    /** A canvas cell's items: the first one follows the cell's "|". */
    private static final Pattern ITEM = Pattern.compile("^\\|?\\* .*");

    private ModuleDocs() {
    }

    /** Writes every file generated in {@code generated} into {@code docs} in its sorted form, touching only what changed. */
    static void publish(Path generated, Path docs) throws IOException {
        Files.createDirectories(docs);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.sorted().toList()) {
                String sorted = sorted(file.getFileName().toString(), Files.readString(file));
                Path target = docs.resolve(file.getFileName().toString());
                if (!Files.exists(target) || !Files.readString(target).equals(sorted)) {
                    Files.writeString(target, sorted);
                }
            }
        }
    }

    static String sorted(String fileName, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (fileName.endsWith(".puml")) {
            return String.join("\n", sortRuns(sortRuns(lines, RELATION::matcher), COMPONENT::matcher));
        }
        if (fileName.endsWith(".adoc")) {
            return String.join("\n", sortItems(lines));
        }
        return text;
    }

    private static List<String> sortRuns(List<String> lines, java.util.function.Function<String, java.util.regex.Matcher> kind) {
        Predicate<String> inRun = line -> kind.apply(line).matches();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            if (!inRun.test(lines.get(i))) {
                out.add(lines.get(i++));
                continue;
            }
            List<String> run = new ArrayList<>();
            while (i < lines.size() && inRun.test(lines.get(i))) {
                run.add(lines.get(i++));
            }
            run.sort(null);
            out.addAll(run);
        }
        return out;
    }

    /**
     * A cell's items, blank lines between them or not, its "|" on a line of its own or not, become one sorted list
     * with the cell's "|" before the first;
     * a list under a heading of its own (no "|") stays under it.
     */
    private static List<String> sortItems(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            // A cell may open with its "|" alone on a line before the first item, or on the first item's line.
            boolean bareBar = lines.get(i).equals("|") && i + 1 < lines.size() && lines.get(i + 1).startsWith("* ");
            if (bareBar) {
                i++;
            } else if (!ITEM.matcher(lines.get(i)).matches()) {
                out.add(lines.get(i++));
                continue;
            }
            boolean opensCell = bareBar || lines.get(i).startsWith("|");
            List<String> items = new ArrayList<>();
            while (i < lines.size()) {
                if (ITEM.matcher(lines.get(i)).matches() && (items.isEmpty() || !lines.get(i).startsWith("|"))) {
                    items.add(lines.get(i++).replaceFirst("^\\|", "").stripTrailing());
                } else if (lines.get(i).isBlank() && i + 1 < lines.size() && lines.get(i + 1).startsWith("* ")) {
                    i++;
                } else {
                    break;
                }
            }
            items.sort(null);
            for (int k = 0; k < items.size(); k++) {
                out.add((k == 0 && opensCell ? "|" : "") + items.get(k));
            }
        }
        return out;
    }
}
