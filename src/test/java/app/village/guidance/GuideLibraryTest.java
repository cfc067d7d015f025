package app.village.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import app.village.guidance.library.Block;
import app.village.guidance.library.Guide;
import app.village.guidance.library.GuideLibrary;
import app.village.guidance.library.InvalidGuideException;
import app.village.understanding.Theme;

/** The shipped guides keep the library's rules, and a guide that breaks one is refused with a message naming it. */
class GuideLibraryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final GuideLibrary SHIPPED = GuideLibrary.load(new PathMatchingResourcePatternResolver(), TODAY);

    private static final String URGENT = """
            ---
            title: When to get urgent help
            summary: Who to call.
            themes: [self_harm]
            for: either
            sources:
              - title: NICE CG192
                url: https://www.nice.org.uk/guidance/cg192
            evidence: Strong.
            reviewed: 2026-11-30
            ---
            Call your emergency number. See [Need help now?](/help).
            """;

    private static String guide(String front, String body) {
        return "---\n" + front + "\n---\n" + body + "\n";
    }

    private static final String GOOD_FRONT = """
            title: A good guide
            summary: Short.
            themes: [bonding_difficulty, infant_crying]
            for: supporting
            ageMonths: {min: 0, max: 24}
            sources:
              - title: Cochrane
                url: https://doi.org/10.1002/14651858.CD003519.pub4
            evidence: Moderate.
            reviewed: 2026-12-01""";

    private static GuideLibrary library(String name, String content) {
        Map<String, String> files = new HashMap<>();
        files.put("when-to-get-urgent-help.md", URGENT);
        files.put(name, content);
        return GuideLibrary.of(files, TODAY);
    }

    @Test
    void theShippedLibraryHasAtLeastThirtyValidGuides() {
        assertThat(SHIPPED.guides()).hasSizeGreaterThanOrEqualTo(30);
        for (Guide g : SHIPPED.guides()) {
            assertThat(g.summary().sources()).as(g.slug()).isNotEmpty();
            assertThat(g.summary().sources()).as(g.slug()).allSatisfy(s -> assertThat(s.url()).startsWith("https://"));
            assertThat(g.summary().reviewed()).as(g.slug()).isBeforeOrEqualTo(TODAY);
            assertThat(g.summary().themes()).as(g.slug()).isNotEmpty();
            assertThat(g.summary().evidence()).as(g.slug()).isNotBlank();
            assertThat(g.markdown()).as(g.slug()).doesNotContain("<");
        }
    }

    @Test
    void everyTopicTheIssueAsksForHasAGuide() {
        Set<String> slugs = SHIPPED.guides().stream().map(Guide::slug).collect(Collectors.toSet());
        assertThat(slugs).contains(
                "building-a-bond-when-you-feel-nothing", "postnatal-depression-and-its-treatment",
                "missed-doses-of-antidepressants", "fathers-and-partners-depression", "when-your-partner-struggles-to-bond",
                "the-period-of-purple-crying", "stepping-away-safely-when-the-crying-is-too-much",
                "separation-upset-and-goodbye-rituals", "working-parent-guilt", "intrusive-thoughts-are-common",
                "when-to-get-urgent-help", "sleep-when-you-are-exhausted", "when-feeding-is-hard", "after-a-frightening-birth",
                "relationship-strain-after-a-baby", "talking-to-a-gp-or-health-visitor");
    }

    @Test
    void everyThemeOfTheTaxonomyIsServedByAtLeastOneGuide() {
        Set<Theme> served = SHIPPED.guides().stream().flatMap(g -> g.summary().themes().stream()).collect(Collectors.toSet());
        assertThat(served).containsExactlyInAnyOrder(Theme.values());
    }

    @Test
    void theMissedDoseGuideSendsTheParentToTheirPrescriberAndNeverGivesADoseRule() {
        Guide g = SHIPPED.find("missed-doses-of-antidepressants").orElseThrow();
        assertThat(g.text()).contains("prescrib").contains("pharmacist").contains("Do not take a double dose");
    }

    @Test
    void thePurpleGuideTellsTheSafeWayToStepAway() {
        Guide g = SHIPPED.find("stepping-away-safely-when-the-crying-is-too-much").orElseThrow();
        assertThat(g.text()).contains("on their back in the cot").contains("Never shake a baby").contains("5 to 15 minutes");
    }

    @Test
    void theBodyIsParsedIntoBlocksWithLinksKept() {
        Guide g = SHIPPED.find("building-a-bond-when-you-feel-nothing").orElseThrow();
        assertThat(g.body()).extracting(Block::kind).contains("paragraph", "heading", "bullets");
        assertThat(g.body().stream().flatMap(b -> b.spans().stream()).filter(Block.Span::link))
                .anySatisfy(s -> assertThat(s.href()).isEqualTo("/guides/postnatal-depression-and-its-treatment"));
        assertThat(g.body().stream().flatMap(b -> b.items().stream()).flatMap(List::stream))
                .anySatisfy(s -> assertThat(s.strong()).isTrue());
    }

    @Test
    void aWellFormedGuideLoads() {
        GuideLibrary lib = library("good.md", guide(GOOD_FRONT, "Some **bold** words and [a link](https://www.nice.org.uk/guidance/qs133)."));
        assertThat(lib.find("good")).hasValueSatisfying(g -> {
            assertThat(g.summary().audience()).isEqualTo(Audience.SUPPORTING);
            assertThat(g.summary().maxAgeMonths()).isEqualTo(24);
        });
    }

    @Test
    void aGuideWithoutSourcesIsRefused() {
        String front = GOOD_FRONT.replaceAll("(?s)sources:.*?evidence", "evidence");
        assertThatThrownBy(() -> library("nosources.md", guide(front, "Text.")))
                .isInstanceOf(InvalidGuideException.class).hasMessageContaining("nosources.md").hasMessageContaining("sources");
    }

    @Test
    void aGuideWithoutReviewDateIsRefused() {
        String front = GOOD_FRONT.replace("reviewed: 2026-12-01", "");
        assertThatThrownBy(() -> library("noreview.md", guide(front, "Text.")))
                .isInstanceOf(InvalidGuideException.class).hasMessageContaining("reviewed");
    }

    @Test
    void aReviewDateInTheFutureOrMalformedIsRefused() {
        assertThatThrownBy(() -> library("future.md", guide(GOOD_FRONT.replace("2026-12-01", "2027-12-01"), "Text.")))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> library("baddate.md", guide(GOOD_FRONT.replace("2026-12-01", "\"1 December\""), "Text.")))
                .hasMessageContaining("reviewed");
    }

    @Test
    void anUnknownThemeCodeIsRefused() {
        assertThatThrownBy(() -> library("badtheme.md", guide(GOOD_FRONT.replace("infant_crying", "colic"), "Text.")))
                .isInstanceOf(InvalidGuideException.class).hasMessageContaining("'colic' is not a theme code");
        assertThatThrownBy(() -> library("notheme.md", guide(GOOD_FRONT.replace("[bonding_difficulty, infant_crying]", "[]"), "Text.")))
                .hasMessageContaining("at least one theme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.nhs.uk/page", "https://exa mple.org/", "javascript:alert(1)", "https://localhost/x",
            "https:///nohost", "ftp://example.org/", "https://user@example.org/", "https://example.org:8443/"})
    void aMalformedSourceLinkIsRefused(String url) {
        String front = GOOD_FRONT.replace("https://doi.org/10.1002/14651858.CD003519.pub4", "\"" + url + "\"");
        assertThatThrownBy(() -> library("badsource.md", guide(front, "Text."))).isInstanceOf(InvalidGuideException.class)
                .hasMessageContaining("badsource.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a](http://example.org/)", "[a](javascript:alert(1))", "[a](//evil.example/)", "[a](/guides/no-such-guide)",
            "[a](/admin/roles)", "[a](https://exa%20mple.org)", "[a](<https://exa mple.org>)", "[a](<tel:116 123>)", "[a](tel:call-me)"})
    void aMalformedOrUnknownLinkInTheBodyIsRefused(String link) {
        assertThatThrownBy(() -> library("badlink.md", guide(GOOD_FRONT, "See " + link + ".")))
                .isInstanceOf(InvalidGuideException.class).hasMessageContaining("badlink.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Text <img src=x onerror=alert(1)> more", "![a picture](https://example.org/x.png)",
            "    indented code", "> a quote", "# A second title"})
    void rawHtmlAndUnsupportedMarkdownAreRefused(String body) {
        assertThatThrownBy(() -> library("markup.md", guide(GOOD_FRONT, body))).isInstanceOf(InvalidGuideException.class)
                .hasMessageContaining("markup.md");
    }

    @Test
    void frontMatterMistakesAreRefused() {
        assertThatThrownBy(() -> library("nofront.md", "Just text.")).hasMessageContaining("front matter");
        assertThatThrownBy(() -> library("typo.md", guide(GOOD_FRONT + "\nthemse: [anxiety]", "Text."))).hasMessageContaining("themse");
        assertThatThrownBy(() -> library("audience.md", guide(GOOD_FRONT.replace("for: supporting", "for: everyone"), "Text.")))
                .hasMessageContaining("'for'");
        assertThatThrownBy(() -> library("ages.md", guide(GOOD_FRONT.replace("{min: 0, max: 24}", "{min: 30, max: 24}"), "Text.")))
                .hasMessageContaining("ageMonths");
        assertThatThrownBy(() -> library("yaml.md", guide("title: [unclosed", "Text."))).hasMessageContaining("YAML");
        assertThatThrownBy(() -> library("Bad Name.md", guide(GOOD_FRONT, "Text."))).hasMessageContaining("file name");
        assertThatThrownBy(() -> library("empty.md", guide(GOOD_FRONT, ""))).hasMessageContaining("no text");
    }

    @Test
    void theLibraryMustHoldTheUrgentHelpGuide() {
        assertThatThrownBy(() -> GuideLibrary.of(Map.of("good.md", guide(GOOD_FRONT, "Text.")), TODAY))
                .hasMessageContaining("when-to-get-urgent-help");
    }
}
