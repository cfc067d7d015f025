package app.village.safety.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import app.village.safety.CrisisCountry;
import app.village.safety.CrisisLine;
import app.village.safety.CrisisPanel;
import tools.jackson.databind.json.JsonMapper;

/** The crisis resources shipped with Village: complete, sourced, dated, and chosen by country. */
class CrisisDirectoryTest {

    private final CrisisDirectory directory = new CrisisDirectory();

    @Test
    void coversTheCountriesWeServeAndAFallback() {
        assertThat(directory.countries()).extracting(CrisisCountry::code)
                .contains("US", "GB", "IE", "AU", "CA", "NZ")
                .endsWith("INTL");
    }

    @Test
    void everyLineHasASourceACheckDateAndAWayToReachIt() {
        for (CrisisCountry country : directory.countries()) {
            assertThat(country.emergency()).as(country.code()).isNotBlank();
            for (CrisisLine line : country.lines()) {
                String where = country.code() + " " + line.name();
                assertThat(line.source()).as(where).startsWith("https://");
                assertThat(line.checked()).as(where).isNotNull().isBeforeOrEqualTo(LocalDate.now());
                assertThat(line.canCall() || line.canText() || line.canChat()).as(where).isTrue();
                assertThat(line.hours()).as(where).isNotBlank();
                assertThat(line.forWhat()).as(where).isNotBlank();
                if (line.canCall()) {
                    assertThat(line.callHref()).as(where).matches("tel:\\+?[0-9]{3,15}");
                }
            }
        }
    }

    @Test
    void theNumbersFromTheClinicalFactsAreThere() {
        assertThat(numbers("US")).contains("988", "1-833-852-6262", "1-800-944-4773");
        assertThat(numbers("GB")).contains("116 123");
        assertThat(numbers("IE")).contains("116 123");
        assertThat(numbers("AU")).contains("1300 726 306");
        assertThat(directory.country("US").emergency()).isEqualTo("911");
        assertThat(directory.country("AU").emergency()).isEqualTo("000");
    }

    @Test
    void aChosenCountryComesFirstThenTheBrowserLanguageThenTheFallback() {
        assertThat(directory.panelFor("nz", List.of(Locale.forLanguageTag("en-GB"))).country().code()).isEqualTo("NZ");
        CrisisPanel fromBrowser = directory.panelFor(null, List.of(Locale.forLanguageTag("en-IE"), Locale.US));
        assertThat(fromBrowser.country().code()).isEqualTo("IE");
        assertThat(fromBrowser.countryKnown()).isTrue();
        assertThat(directory.panelFor("", List.of(Locale.forLanguageTag("fr-CA"))).country().code()).isEqualTo("CA");
        // A region we serve under another language still tells the country.
        assertThat(directory.panelFor(null, List.of(Locale.forLanguageTag("pl-IE"))).country().code()).isEqualTo("IE");
        CrisisPanel unknown = directory.panelFor("XX", List.of(Locale.forLanguageTag("de-DE"), Locale.ENGLISH));
        assertThat(unknown.country().code()).isEqualTo("INTL");
        assertThat(unknown.countryKnown()).isFalse();
        assertThat(unknown.choices()).hasSize(directory.countries().size());
    }

    @Test
    void anEntryWithoutSourceOrCheckDateIsRefused() {
        String noSource = """
                {"countries": [{"code": "INTL", "name": "x", "emergency": "112", "lines": [
                  {"name": "A line", "call": "123", "hours": "any time", "for": "anyone", "checked": "2026-01-01"}]}]}""";
        assertThatThrownBy(() -> CrisisDirectory.parse(JsonMapper.builder().build().readTree(noSource)))
                .hasMessageContaining("lacks 'source'");
        String noDate = """
                {"countries": [{"code": "INTL", "name": "x", "emergency": "112", "lines": [
                  {"name": "A line", "call": "123", "hours": "any time", "for": "anyone", "source": "https://example.org/"}]}]}""";
        assertThatThrownBy(() -> CrisisDirectory.parse(JsonMapper.builder().build().readTree(noDate)))
                .hasMessageContaining("lacks 'checked'");
        String noWay = """
                {"countries": [{"code": "INTL", "name": "x", "emergency": "112", "lines": [
                  {"name": "A line", "hours": "any time", "for": "anyone", "source": "https://example.org/", "checked": "2026-01-01"}]}]}""";
        assertThatThrownBy(() -> CrisisDirectory.parse(JsonMapper.builder().build().readTree(noWay)))
                .hasMessageContaining("no number to call or text");
    }

    private List<String> numbers(String code) {
        return directory.country(code).lines().stream().map(CrisisLine::call).toList();
    }
}
