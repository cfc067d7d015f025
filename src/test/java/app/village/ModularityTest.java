package app.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no reaching into another module's internals), and the diagram in docs/ is current. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(VillageApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "accounts", "community", "understanding", "safety", "screening", "journal", "guidance", "discovery");
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws Exception {
        Path generated = Path.of("target", "module-docs");
        Path out = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        ModuleDocs.publish(generated, out);
        assertThat(out.resolve("components.puml")).exists();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("Community").contains("Accounts");
    }

    /**
     * The Documenter lists relations and items in a different order from one run to the next; what lands in docs/
     * must not, or every test run leaves the clone dirty. Each generated file, its lists shuffled, is written the same.
     */
    @Test
    void theModuleDocsAreTheSameWhateverOrderTheDocumenterListsThingsIn() throws Exception {
        Path generated = Files.createTempDirectory("module-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        java.util.Random random = new java.util.Random(14);
        int lists = 0;
        try (java.util.stream.Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                for (int round = 0; round < 5; round++) {
                    String shuffled = shuffleLists(name, text, random);
                    lists += shuffled.equals(text) ? 0 : 1;
                    assertThat(ModuleDocs.sorted(name, shuffled)).as(name).isEqualTo(ModuleDocs.sorted(name, text));
                }
            }
        }
        assertThat(lists).as("files whose lists were shuffled").isPositive();
    }

    /** The file as another run of the Documenter could write it: its relations, components and items in another order. */
    private static String shuffleLists(String name, String text, java.util.Random random) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(text.split("\n", -1)));
        java.util.function.Predicate<String> listed = name.endsWith(".puml")
                ? l -> l.startsWith("Rel(") || l.strip().startsWith("Component(")
                : l -> l.startsWith("* ") || l.startsWith("|* ");
        for (int i = 0; i < lines.size(); ) {
            if (lines.get(i).equals("|") && i + 1 < lines.size() && lines.get(i + 1).startsWith("* ")) {
                lines.remove(i);
                lines.set(i, "|" + lines.get(i));
            }
            int start = i;
            while (i < lines.size() && listed.test(lines.get(i)) && (i == start || !lines.get(i).startsWith("|"))
                    && lines.get(i).strip().startsWith("Component(") == lines.get(start).strip().startsWith("Component(")) {
                i++;
            }
            if (i == start) {
                i++;
                continue;
            }
            java.util.List<String> run = new java.util.ArrayList<>(lines.subList(start, i));
            boolean cell = run.getFirst().startsWith("|");
            java.util.List<String> bare = new java.util.ArrayList<>(run.stream().map(l -> l.replaceFirst("^\\|", "")).toList());
            java.util.Collections.shuffle(bare, random);
            for (int k = 0; k < bare.size(); k++) {
                lines.set(start + k, (k == 0 && cell ? "|" : "") + bare.get(k));
            }
            // Another run writes a cell's "|" on a line of its own before the first item.
            if (cell && random.nextBoolean()) {
                lines.set(start, bare.getFirst());
                lines.add(start, "|");
                i++;
            }
        }
        return String.join("\n", lines);
    }
}
