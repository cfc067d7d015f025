package app.village.screening.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import app.village.platform.NotFoundException;
import app.village.screening.core.Instrument;
import app.village.screening.core.PublishedRules;
import app.village.screening.core.QuestionnaireReader;
import app.village.screening.core.ScoringRules;

/**
 * The instruments this service offers, read from {@code screening/questionnaires/*.json} and
 * checked against the published rules at start-up (a broken file stops start-up). The EPDS is
 * offered only with wording supplied by the operator.
 */
@Component
public class Instruments {

    private static final Logger log = LoggerFactory.getLogger(Instruments.class);
    public static final List<String> ORDER = List.of(PublishedRules.EPDS, PublishedRules.PBQ, PublishedRules.PHQ9, PublishedRules.GAD7);

    private final Map<String, Instrument> structures = new LinkedHashMap<>();
    private final Map<String, Instrument> offered = new LinkedHashMap<>();
    private final Map<String, String> questionnaireJson = new LinkedHashMap<>();

    public Instruments(ScreeningProperties properties) {
        long start = System.nanoTime();
        ScreeningProperties.Epds epds = properties.epds();
        Map<String, ScoringRules> rules = Map.of(
                PublishedRules.PHQ9, PublishedRules.phq9(),
                PublishedRules.GAD7, PublishedRules.gad7(),
                PublishedRules.PBQ, PublishedRules.pbq(),
                PublishedRules.EPDS, PublishedRules.epds(epds.mothersCutOffs(), epds.fathersCutOffs()));
        Map<String, String> shortNames = Map.of(PublishedRules.PHQ9, "PHQ-9", PublishedRules.GAD7, "GAD-7",
                PublishedRules.PBQ, "PBQ", PublishedRules.EPDS, "EPDS");
        for (String id : ORDER) {
            String json = resource("screening/questionnaires/" + id + ".json");
            questionnaireJson.put(id, json);
            structures.put(id, QuestionnaireReader.read(json, rules.get(id), shortNames.get(id)));
        }
        for (String id : ORDER) {
            if (!id.equals(PublishedRules.EPDS)) {
                offered.put(id, structures.get(id));
            } else if (!properties.epdsWording().isBlank()) {
                offered.put(id, QuestionnaireReader.withWording(structures.get(id), wording(Path.of(properties.epdsWording()))));
            }
        }
        log.info("Screening instruments offered: {}{}; read and checked in {} ms", offered.keySet(),
                offered.containsKey(PublishedRules.EPDS) ? "" : " (EPDS not offered: no wording file configured)",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The instruments a parent can take, in the order of the list page. */
    public List<Instrument> offered() {
        return List.copyOf(offered.values());
    }

    public boolean epdsOffered() {
        return offered.containsKey(PublishedRules.EPDS);
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(offered.get(id));
    }

    public Instrument get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(PublishedRules.EPDS.equals(id)
                ? "The EPDS is not offered by this service: its wording may only be shown with the copyright holder's permission."
                : "There is no such questionnaire."));
    }

    /** Every instrument's structure, offered or not (the EPDS structure carries no wording). */
    public Instrument structure(String id) {
        Instrument s = structures.get(id);
        if (s == null) {
            throw new NotFoundException("There is no such questionnaire.");
        }
        return s;
    }

    /** The Questionnaire resources as shipped (FHIR JSON), by id; the EPDS one has no item wording. */
    public Map<String, String> questionnaireJsonInOrder() {
        return java.util.Collections.unmodifiableMap(questionnaireJson);
    }

    private static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static String wording(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                throw new IllegalStateException("The EPDS wording file " + file + " is larger than 1 MB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the EPDS wording file " + file + " (VILLAGE_EPDS_WORDING): "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
