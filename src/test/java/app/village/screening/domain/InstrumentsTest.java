package app.village.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.village.platform.NotFoundException;
import app.village.screening.ScreeningFixtures;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.ScoringEngine;

/** Start-up checks of the instruments and their configuration. */
class InstrumentsTest {

    private static ScreeningProperties bind(Map<String, Object> environment) {
        SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource("systemEnvironment", environment);
        return new Binder(ConfigurationPropertySources.from(env)).bindOrCreate("village.screening", ScreeningProperties.class);
    }

    @Test
    void withoutWordingTheEpdsIsNotOfferedAndSaysWhy() {
        Instruments instruments = new Instruments(bind(Map.of()));
        assertThat(instruments.offered()).extracting(Instrument::id).containsExactly("pbq", "phq-9", "gad-7");
        assertThat(instruments.epdsOffered()).isFalse();
        assertThatThrownBy(() -> instruments.get("epds")).isInstanceOf(NotFoundException.class).hasMessageContaining("permission");
        assertThat(instruments.structure("epds").questions()).allSatisfy(q -> assertThat(q.text()).doesNotContain("Placeholder"));
    }

    @Test
    void cutOffsComeFromTheEnvironmentWithTheirSourcesAndBadOnesStopStartUp() {
        ScreeningProperties defaults = bind(Map.of());
        assertThat(defaults.epds().mothers().possible()).isEqualTo(11);
        assertThat(defaults.epds().mothers().probable()).isEqualTo(13);
        assertThat(defaults.epds().fathers().possible()).isEqualTo(7);
        assertThat(defaults.epds().fathers().probable()).isEqualTo(11);
        assertThat(defaults.epds().mothersCutOffs().possibleSource()).contains("Levis");

        ScreeningProperties set = bind(Map.of("VILLAGE_SCREENING_EPDS_FATHERS_POSSIBLE", "9",
                "VILLAGE_SCREENING_EPDS_WORDING", ScreeningFixtures.EPDS_WORDING));
        assertThat(set.epds().fathers().possible()).isEqualTo(9);
        assertThat(set.epds().fathersCutOffs().possibleSource()).startsWith("set by this service's operator (default 7");
        Instrument epds = new Instruments(set).get("epds");
        var r = ScoringEngine.score(epds, ScreeningFixtures.byPosition(epds, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3), CutOffGroup.FATHERS);
        assertThat(r.main().score()).isEqualTo(10);
        assertThat(r.main().primaryCutOff().orElseThrow().atLeast()).isEqualTo(9);

        assertThatThrownBy(() -> bind(Map.of("VILLAGE_SCREENING_EPDS_MOTHERS_POSSIBLE", "14")))
                .hasRootCauseMessage("village.screening.epds.mothers: the cut-offs must satisfy 1 <= possible <= probable <= 30 (got 14 and 13)");
    }

    @Test
    void operatorWordingIsCheckedAndItsVersionChangesWithTheWords(@TempDir Path dir) throws Exception {
        Instrument epds = ScreeningFixtures.instruments().get("epds");
        assertThat(epds.version()).startsWith("1.0.0+wording.");
        assertThat(epds.item(1).text()).isEqualTo("Placeholder statement 1 (test wording, not the EPDS)");
        assertThat(epds.item(3).options()).extracting(o -> o.score()).containsExactly(3, 2, 1, 0);

        String fixture = Files.readString(Path.of(ScreeningFixtures.EPDS_WORDING));
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, fixture.replace("Placeholder statement 1 ", "Placeholder statement one "));
        Instrument other = new Instruments(new ScreeningProperties(changed.toString(), bind(Map.of()).epds())).get("epds");
        assertThat(other.version()).isNotEqualTo(epds.version()).startsWith("1.0.0+wording.");

        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, fixture.replaceFirst("\"linkId\": \"epds-10\"", "\"linkId\": \"epds-1\""));
        assertThatThrownBy(() -> new Instruments(new ScreeningProperties(missing.toString(), bind(Map.of()).epds())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epds-1 twice");
        Path threeOptions = dir.resolve("three.json");
        Files.writeString(threeOptions, fixture.replace(",\n        \"Placeholder answer 2.D\"", ""));
        assertThatThrownBy(() -> new Instruments(new ScreeningProperties(threeOptions.toString(), bind(Map.of()).epds())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epds-2 needs exactly 4 options");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"items\": [");
        assertThatThrownBy(() -> new Instruments(new ScreeningProperties(broken.toString(), bind(Map.of()).epds())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> new Instruments(new ScreeningProperties(dir.resolve("absent.json").toString(), bind(Map.of()).epds())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VILLAGE_EPDS_WORDING");
    }
}
