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
        Path out = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(out.resolve("components.puml")).exists();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("Community").contains("Accounts");
    }
}
