package app.village.guidance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.village.guidance.Concern;
import app.village.guidance.GuideSummary;
import app.village.guidance.Situation;
import app.village.guidance.Suggestion;
import app.village.guidance.library.Guide;
import app.village.guidance.matching.LibraryGuidance;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Guidance", description = "Village's guides, each with its sources, and the guides that fit a situation")
class GuideApi {

    private static final int MAX_THEMES = 40;
    private static final Set<String> ROLES = Set.of("mother", "father", "partner", "carer", "other_carer", "unknown");

    private final LibraryGuidance guidance;

    GuideApi(LibraryGuidance guidance) {
        this.guidance = guidance;
    }

    record ThemeJson(String code, String plainWords) {
    }

    record Ages(int min, int max) {
    }

    record GuideJson(String slug, String title, String summary, List<ThemeJson> themes, String audience, Ages ageMonths,
                     List<String> countries, String evidence, LocalDate reviewed, List<GuideSummary.Source> sources,
                     String path, String markdown) {

        static GuideJson of(GuideSummary g, String markdown) {
            return new GuideJson(g.slug(), g.title(), g.summary(),
                    g.themes().stream().map(t -> new ThemeJson(t.code(), t.plainWords())).toList(), g.audience().code(),
                    new Ages(g.minAgeMonths(), g.maxAgeMonths()), g.countries(), g.evidence(), g.reviewed(), g.sources(),
                    g.path(), markdown);
        }
    }

    /** @param urgentHelp the words asked for urgent help: the first guide is the one on getting it; show crisis help too */
    record GuideList(List<GuideJson> guides, boolean urgentHelp) {
    }

    /**
     * @param themes theme codes ({@code "perinatal_depression"}) or objects ({@code {"code": "bonding_difficulty", "person": "partner"}}),
     *               most important first
     * @param context {@code post}, {@code screening} or {@code question} (the default): how the reason is worded
     */
    record SuggestRequest(JsonNode themes, Integer childAgeMonths, String role, String risk, String country, Integer limit,
                          String context) {
    }

    record SuggestionJson(GuideJson guide, String reason, double score) {
        static SuggestionJson of(Suggestion s) {
            return new SuggestionJson(GuideJson.of(s.guide(), null), s.reason(),
                    Double.isInfinite(s.score()) ? 1000 : s.score());
        }
    }

    record Suggestions(List<SuggestionJson> suggestions) {
    }

    @Operation(summary = "The guides, optionally those serving a theme or containing words",
            description = "Both filters together narrow the list; words are read with their endings, common synonyms and "
                    + "small misspellings. Words asking for urgent help (\"suicidal\", \"kill myself\") put the guide on "
                    + "getting urgent help first and set urgentHelp. No sign-in needed.")
    @GetMapping("/api/guides")
    GuideList list(@RequestParam(required = false) String q, @RequestParam(required = false) String theme) {
        String text = GuideQueries.text(q);
        return new GuideList(guidance.search(text, GuideQueries.theme(theme)).stream()
                .map(g -> GuideJson.of(g, null)).toList(), guidance.asksForUrgentHelp(text));
    }

    @Operation(summary = "One guide with its Markdown body, sources, strength of evidence and review date")
    @GetMapping("/api/guides/{slug}")
    GuideJson guide(@PathVariable String slug) {
        Guide guide = GuideQueries.slug(slug).flatMap(guidance.library()::find)
                .orElseThrow(() -> new NotFoundException("There is no guide called '" + GuideQueries.shorten(slug) + "'."));
        return GuideJson.of(guide.summary(), guide.markdown());
    }

    @Operation(summary = "The guides that fit a situation, each with the reason in plain words",
            description = """
                    Send what is known: themes (codes, or objects with code and person: writer, partner, child or other),
                    the child's age in months, the writer's role, the risk level (none to urgent), an ISO country code
                    (by default the region of Accept-Language; guides about one country's services need it),
                    how many guides (1 to 5, default 3) and the context (screening for a questionnaire result).
                    High or urgent risk always brings the guide on urgent help first. Nothing is stored.""")
    @PostMapping("/api/guides/suggest")
    Suggestions suggest(@RequestBody SuggestRequest request, jakarta.servlet.http.HttpServletRequest http) {
        List<Concern> concerns = concerns(request.themes());
        Integer age = request.childAgeMonths();
        if (age != null && (age < 0 || age > 216)) {
            throw new InvalidInputException("childAgeMonths", "The child's age must be between 0 and 216 months.");
        }
        WriterRole role = role(request.role());
        RiskLevel risk = risk(request.risk());
        String country = request.country() == null ? Countries.of(http) : country(request.country());
        int limit = request.limit() == null ? 3 : request.limit();
        if (limit < 1 || limit > 5) {
            throw new InvalidInputException("limit", "Ask for between 1 and 5 guides.");
        }
        Situation situation = new Situation(concerns, age, role, risk, country, origin(request.context()));
        return new Suggestions(guidance.suggestFor(situation, limit).stream().map(SuggestionJson::of).toList());
    }

    private static List<Concern> concerns(JsonNode themes) {
        if (themes == null || themes.isNull()) {
            throw new InvalidInputException("themes", "Name at least one theme, such as perinatal_depression.");
        }
        if (!themes.isArray()) {
            throw new InvalidInputException("themes", "themes must be a list of theme codes.");
        }
        if (themes.isEmpty()) {
            throw new InvalidInputException("themes", "Name at least one theme, such as perinatal_depression.");
        }
        if (themes.size() > MAX_THEMES) {
            throw new InvalidInputException("themes", "Name at most " + MAX_THEMES + " themes.");
        }
        List<Concern> concerns = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            JsonNode item = themes.get(i);
            String field = "themes[" + i + "]";
            if (item.isString()) {
                concerns.add(Concern.of(GuideQueries.themeCode(field, item.asString()), Person.WRITER));
            } else if (item.isObject() && item.path("code").isString()) {
                Person person = Person.WRITER;
                JsonNode p = item.get("person");
                if (p != null && !p.isNull()) {
                    try {
                        person = Person.ofCode(p.isString() ? p.asString() : "?");
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(field + ".person", "person must be writer, partner, child or other.");
                    }
                }
                concerns.add(Concern.of(GuideQueries.themeCode(field + ".code", item.path("code").asString()), person));
            } else {
                throw new InvalidInputException(field, "Each theme is a code such as \"anxiety\", or {\"code\": ..., \"person\": ...}.");
            }
        }
        return concerns;
    }

    private static WriterRole role(String role) {
        if (role == null || role.isBlank()) {
            return WriterRole.UNKNOWN;
        }
        if (!ROLES.contains(role.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("role", "role must be mother, father, partner, carer or unknown.");
        }
        return WriterRole.ofCode(role);
    }

    private static RiskLevel risk(String risk) {
        if (risk == null || risk.isBlank()) {
            return RiskLevel.NONE;
        }
        try {
            return RiskLevel.ofCode(risk);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("risk", "risk must be none, low, moderate, high or urgent.");
        }
    }

    private static String country(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String c = country.strip().toUpperCase(Locale.ROOT);
        if (!Set.of(Locale.getISOCountries()).contains(c)) {
            throw new InvalidInputException("country", "country must be an ISO 3166 code such as GB, US or AU.");
        }
        return c;
    }

    private static Situation.Origin origin(String context) {
        if (context == null || context.isBlank()) {
            return Situation.Origin.QUESTION;
        }
        try {
            return Situation.Origin.valueOf(context.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("context", "context must be post, screening or question.");
        }
    }
}
