package app.village.guidance.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Every guide, loaded and checked once. The library as a whole must also hold together: a link to
 * another guide must name one that exists, and the guide on urgent help must be there, because
 * matching always offers it first when a situation is urgent.
 */
public final class GuideLibrary {

    public static final String URGENT_HELP = "when-to-get-urgent-help";
    /** Pages of Village outside the library that a guide may link to. */
    private static final Set<String> SITE_PAGES = Set.of("/help", "/guides", "/feed", "/posts/new");

    private final Map<String, Guide> bySlug;
    private final List<Guide> ordered;

    private GuideLibrary(Map<String, Guide> bySlug) {
        this.bySlug = Map.copyOf(bySlug);
        this.ordered = bySlug.values().stream().sorted(Comparator.comparing((Guide g) -> g.summary().title()).thenComparing(Guide::slug)).toList();
    }

    /** Loads {@code guidance/*.md} from the class path. */
    public static GuideLibrary load(ResourcePatternResolver resources, LocalDate today) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (Resource r : resources.getResources("classpath*:guidance/*.md")) {
                files.put(r.getFilename(), utf8(r.getFilename(), r.getContentAsByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the guides", e);
        }
        return of(files, today);
    }

    /** A library of the given files (name to content). */
    public static GuideLibrary of(Map<String, String> files, LocalDate today) {
        Map<String, Guide> guides = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            Guide guide = GuideParser.parse(file.getKey(), file.getValue(), today);
            guides.put(guide.slug(), guide);
        }
        for (Guide guide : guides.values()) {
            for (String link : GuideParser.siteLinks(guide)) {
                String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                boolean known = SITE_PAGES.contains(path)
                        || (path.startsWith("/guides/") && guides.containsKey(path.substring("/guides/".length())));
                if (!known) {
                    throw new InvalidGuideException(guide.slug() + ".md", "links to " + link + ", which is not a page of Village");
                }
            }
        }
        if (!guides.containsKey(URGENT_HELP)) {
            throw new InvalidGuideException(URGENT_HELP + ".md", "is missing; the library must always hold the guide on urgent help");
        }
        return new GuideLibrary(guides);
    }

    private static String utf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidGuideException(file, "is not valid UTF-8");
        }
    }

    /** By title. */
    public List<Guide> guides() {
        return ordered;
    }

    public Optional<Guide> find(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    public Guide urgentHelp() {
        return bySlug.get(URGENT_HELP);
    }
}
