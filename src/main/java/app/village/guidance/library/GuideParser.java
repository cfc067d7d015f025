package app.village.guidance.library;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import app.village.guidance.Audience;
import app.village.guidance.GuideSummary;
import app.village.understanding.Theme;
import app.village.understanding.WriterRole;

/**
 * Reads one guide file: YAML front matter between {@code ---} lines, then the Markdown body. Every
 * rule a guide must keep is checked here, with a message naming the file and the fix.
 */
public final class GuideParser {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("title", "summary", "themes", "for", "parents", "ageMonths", "countries",
            "sources", "evidence", "reviewed");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_AGE_MONTHS = 216;

    private GuideParser() {
    }

    /**
     * @param today guides reviewed after today are refused (a typo in the year)
     */
    public static Guide parse(String file, String content, LocalDate today) {
        String slug = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
            throw new InvalidGuideException(file, "the file name must be lower-case words joined by hyphens, ending in .md");
        }
        String text = content.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw new InvalidGuideException(file, "must start with front matter between --- lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new InvalidGuideException(file, "its front matter has no closing --- line");
        }
        Map<String, Object> front = frontMatter(file, text.substring(4, end + 1));
        String body = text.substring(end + 5);

        for (String key : front.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidGuideException(file, "unknown front matter key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String title = requiredText(file, front, "title", 120);
        String summary = requiredText(file, front, "summary", 300);
        List<Theme> themes = themes(file, front.get("themes"));
        Audience audience = audience(file, front.get("for"));
        Set<WriterRole> parents = parents(file, front.get("parents"));
        int[] ages = ages(file, front.get("ageMonths"));
        List<String> countries = countries(file, front.get("countries"));
        List<GuideSummary.Source> sources = sources(file, front.get("sources"));
        String evidence = requiredText(file, front, "evidence", 400);
        LocalDate reviewed = reviewed(file, front.get("reviewed"), today);

        MarkdownBody.Parsed parsed = MarkdownBody.parse(file, body);
        GuideSummary summaryRecord = new GuideSummary(slug, title, summary, themes, audience, ages[0], ages[1], countries,
                evidence, reviewed, sources);
        return new Guide(summaryRecord, parents, body.strip(), parsed.blocks(), title + "\n" + summary + "\n" + parsed.text());
    }

    /** The links inside Village that a guide's body points to, to check against the whole library. */
    public static List<String> siteLinks(Guide guide) {
        List<String> links = new ArrayList<>();
        for (Block block : guide.body()) {
            block.spans().stream().filter(Block.Span::link).map(Block.Span::href).filter(h -> h.startsWith("/")).forEach(links::add);
            block.items().forEach(item -> item.stream().filter(Block.Span::link).map(Block.Span::href)
                    .filter(h -> h.startsWith("/")).forEach(links::add));
        }
        return links;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frontMatter(String file, String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new InvalidGuideException(file, "its front matter must be a set of key: value lines");
            }
            return (Map<String, Object>) map;
        } catch (YAMLException e) {
            throw new InvalidGuideException(file, "its front matter is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String requiredText(String file, Map<String, Object> front, String key, int max) {
        Object value = front.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidGuideException(file, "needs a '" + key + "'");
        }
        if (s.length() > max) {
            throw new InvalidGuideException(file, "its '" + key + "' is longer than " + max + " characters");
        }
        return s.strip();
    }

    private static List<?> list(String file, String key, Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new InvalidGuideException(file, "'" + key + "' must be a list");
    }

    private static List<Theme> themes(String file, Object value) {
        if (value == null) {
            throw new InvalidGuideException(file, "needs 'themes': the TAXONOMY codes it serves, the main one first");
        }
        Set<Theme> themes = new LinkedHashSet<>();
        for (Object code : list(file, "themes", value)) {
            Theme theme;
            try {
                theme = Theme.ofCode(String.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new InvalidGuideException(file, "'" + code + "' is not a theme code of TAXONOMY.md");
            }
            if (!themes.add(theme)) {
                throw new InvalidGuideException(file, "lists the theme '" + code + "' twice");
            }
        }
        if (themes.isEmpty()) {
            throw new InvalidGuideException(file, "needs at least one theme");
        }
        return List.copyOf(themes);
    }

    private static Audience audience(String file, Object value) {
        try {
            return Audience.ofCode(String.valueOf(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidGuideException(file, "'for' must be struggling, supporting or either");
        }
    }

    private static Set<WriterRole> parents(String file, Object value) {
        if (value == null) {
            return Set.of();
        }
        EnumSet<WriterRole> roles = EnumSet.noneOf(WriterRole.class);
        for (Object code : list(file, "parents", value)) {
            WriterRole role = WriterRole.ofCode(String.valueOf(code));
            if (role == WriterRole.UNKNOWN) {
                throw new InvalidGuideException(file, "'" + code + "' in 'parents' is not mother, father, partner or carer");
            }
            roles.add(role);
        }
        return Set.copyOf(roles);
    }

    private static int[] ages(String file, Object value) {
        if (value == null) {
            return new int[]{0, MAX_AGE_MONTHS};
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("min") instanceof Integer min) || !(map.get("max") instanceof Integer max)
                || map.size() != 2) {
            throw new InvalidGuideException(file, "'ageMonths' must be {min: N, max: N} in whole months");
        }
        if (min < 0 || max > MAX_AGE_MONTHS || min > max) {
            throw new InvalidGuideException(file, "'ageMonths' must run from 0 to 216 with min no more than max");
        }
        return new int[]{min, max};
    }

    private static List<String> countries(String file, Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> countries = new ArrayList<>();
        for (Object code : list(file, "countries", value)) {
            String c = String.valueOf(code);
            if (!COUNTRIES.contains(c)) {
                throw new InvalidGuideException(file, "'" + c + "' is not an ISO 3166 country code such as GB, US or AU");
            }
            countries.add(c);
        }
        return List.copyOf(countries);
    }

    private static List<GuideSummary.Source> sources(String file, Object value) {
        if (value == null) {
            throw new InvalidGuideException(file, "needs 'sources': what it is written from, each with a title and a url");
        }
        List<GuideSummary.Source> sources = new ArrayList<>();
        for (Object item : list(file, "sources", value)) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("title") instanceof String title) || title.isBlank()
                    || !(map.get("url") instanceof String url)) {
                throw new InvalidGuideException(file, "each source needs a 'title' and a 'url'");
            }
            GuideLinks.checkExternal(file, url);
            sources.add(new GuideSummary.Source(title.strip(), url));
        }
        if (sources.isEmpty()) {
            throw new InvalidGuideException(file, "needs at least one source");
        }
        return List.copyOf(sources);
    }

    private static LocalDate reviewed(String file, Object value, LocalDate today) {
        LocalDate date;
        if (value instanceof Date d) {
            date = d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else if (value instanceof String s) {
            try {
                date = LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidGuideException(file, "'reviewed' must be a date such as 2026-12-01");
            }
        } else {
            throw new InvalidGuideException(file, "needs 'reviewed': the date it was last checked against its sources");
        }
        if (date.isAfter(today)) {
            throw new InvalidGuideException(file, "'reviewed' is in the future");
        }
        return date;
    }
}
