package app.village.safety.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import app.village.safety.CrisisCountry;
import app.village.safety.CrisisHelp;
import app.village.safety.CrisisLine;
import app.village.safety.CrisisPanel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crisis resources file, read once at start-up and checked: a line without a source, a
 * check date or any way to reach it stops Village from starting rather than showing a parent
 * in crisis something nobody has verified.
 */
@Component
public class CrisisDirectory implements CrisisHelp {

    public static final String RESOURCE = "safety/crisis-resources.json";

    private final Map<String, CrisisCountry> byCode;
    private final List<CrisisCountry> ordered;

    public CrisisDirectory() {
        this(load(RESOURCE));
    }

    CrisisDirectory(List<CrisisCountry> countries) {
        Map<String, CrisisCountry> map = new LinkedHashMap<>();
        for (CrisisCountry country : countries) {
            if (map.put(country.code(), country) != null) {
                throw new IllegalStateException("Crisis resources list " + country.code() + " twice");
            }
        }
        if (!map.containsKey(FALLBACK)) {
            throw new IllegalStateException("Crisis resources lack the fallback entry " + FALLBACK);
        }
        // The fallback always comes last in a chooser.
        CrisisCountry fallback = map.remove(FALLBACK);
        map.put(FALLBACK, fallback);
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    @Override
    public List<CrisisCountry> countries() {
        return ordered;
    }

    @Override
    public CrisisCountry country(String code) {
        return find(code).orElse(byCode.get(FALLBACK));
    }

    /** Set when running in the application (absent in plain unit tests): members' remembered countries. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setChosenCountries(ChosenCountries chosen) {
        this.chosen = chosen;
    }

    private ChosenCountries chosen;

    /** {@code ?country=} first, then the country the signed-in member chose before, then the browser's languages. */
    @Override
    public CrisisPanel panelFor(jakarta.servlet.http.HttpServletRequest request) {
        String country = request.getParameter("country");
        if (find(country).isEmpty() && chosen != null
                && request.getUserPrincipal() instanceof org.springframework.security.core.Authentication auth
                && auth.getPrincipal() instanceof app.village.accounts.VillageUser user) {
            country = chosen.of(user.id()).orElse(null);
        }
        return panelFor(country, java.util.Collections.list(request.getLocales()));
    }

    @Override
    public CrisisPanel panelFor(String chosenCountry, List<Locale> browserLocales) {
        Optional<CrisisCountry> chosen = find(chosenCountry);
        if (chosen.isEmpty() && browserLocales != null) {
            chosen = browserLocales.stream().map(this::fromLocale).flatMap(Optional::stream).findFirst();
        }
        return new CrisisPanel(chosen.orElse(byCode.get(FALLBACK)), chosen.isPresent(), ordered);
    }

    /** The country with this code, if Village has crisis help for it (the fallback included). */
    public Optional<CrisisCountry> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    private Optional<CrisisCountry> fromLocale(Locale locale) {
        String tag = locale.toLanguageTag();
        for (CrisisCountry country : ordered) {
            if (country.locales().stream().anyMatch(tag::equalsIgnoreCase)) {
                return Optional.of(country);
            }
        }
        // A language with a region we serve under another language ("de-IE") still tells the country.
        return locale.getCountry().isEmpty() ? Optional.empty() : find(locale.getCountry());
    }

    static List<CrisisCountry> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    static List<CrisisCountry> parse(JsonNode root) {
        List<CrisisCountry> countries = new ArrayList<>();
        for (JsonNode c : root.path("countries")) {
            String code = required(c, "code", "a country");
            List<CrisisLine> lines = new ArrayList<>();
            for (JsonNode l : c.path("lines")) {
                String where = code + " / " + l.path("name").asString("(no name)");
                CrisisLine line = new CrisisLine(required(l, "name", where), text(l, "call"), text(l, "callLabel"),
                        text(l, "text"), text(l, "textLabel"), text(l, "chat"), text(l, "chatLabel"),
                        required(l, "hours", where), required(l, "for", where), required(l, "source", where),
                        LocalDate.parse(required(l, "checked", where)));
                if (!line.canCall() && !line.canText() && !line.canChat()) {
                    throw new IllegalStateException("Crisis line " + where + " has no number to call or text and no chat link");
                }
                if (!line.source().startsWith("https://")) {
                    throw new IllegalStateException("Crisis line " + where + " needs an https source, not " + line.source());
                }
                lines.add(line);
            }
            if (lines.isEmpty()) {
                throw new IllegalStateException("Crisis resources for " + code + " list no line");
            }
            List<String> locales = new ArrayList<>();
            c.path("locales").forEach(n -> locales.add(n.asString()));
            countries.add(new CrisisCountry(code, required(c, "name", code), required(c, "emergency", code), locales, lines));
        }
        return countries;
    }

    private static String required(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalStateException("Crisis resources: " + where + " lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }
}
