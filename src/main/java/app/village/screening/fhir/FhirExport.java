package app.village.screening.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

import app.village.screening.core.AnswerOption;
import app.village.screening.core.CutOffResult;
import app.village.screening.core.Instrument;
import app.village.screening.core.Question;
import app.village.screening.core.ScaleScore;
import app.village.screening.domain.Instruments;
import app.village.screening.domain.Screening;

/**
 * FHIR R4 for other systems: the Questionnaires as shipped, and a screening as a collection
 * Bundle of its QuestionnaireResponse, one {@code survey} Observation per total and subscale
 * ({@code derivedFrom} the response) and, last, the pseudonymous Patient they are all about. Answers carry the codes and displays of the shipped
 * Questionnaire, so no operator-supplied EPDS wording ever leaves in an export.
 */
@Component
public class FhirExport {

    public static final String SCORE_SYSTEM = "https://village.invalid/fhir/CodeSystem/screening-scores";
    public static final String PSEUDONYM_SYSTEM = "https://village.invalid/fhir/member-pseudonym";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final Fhir fhir;
    private final Instruments instruments;

    FhirExport(Fhir fhir, Instruments instruments) {
        this.fhir = fhir;
        this.instruments = instruments;
    }

    private volatile String questionnaires;

    /** Every shipped Questionnaire, the EPDS as structure only; built once, as they never change while running. */
    public String questionnaires() {
        String built = questionnaires;
        if (built == null) {
            built = buildQuestionnaires();
            questionnaires = built;
        }
        return built;
    }

    private String buildQuestionnaires() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(new Date());
        for (Map.Entry<String, String> e : instruments.questionnaireJsonInOrder().entrySet()) {
            Questionnaire q = fhir.json().parseResource(Questionnaire.class, e.getValue());
            bundle.addEntry().setFullUrl(q.getUrl()).setResource(q);
        }
        return fhir.json().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    public String bundle(Screening screening) {
        return fhir.json().setPrettyPrint(true).encodeResourceToString(toBundle(screening));
    }

    public Bundle toBundle(Screening screening) {
        Instrument structure = instruments.structure(screening.instrument());
        Date when = Date.from(screening.completedAt());
        String responseUrl = "urn:uuid:" + screening.id();

        String patientUrl = "urn:uuid:" + pseudonym(screening.memberId());

        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(screening.id().toString());
        response.setSubject(new Reference(patientUrl));
        response.setQuestionnaire(structure.canonicalUrl() + "|" + structure.questionnaireVersion());
        response.setStatus(screening.result().complete() ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                : QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        response.setAuthored(when);
        for (Question q : structure.questions()) {
            String code = screening.answers().get(q.linkId());
            if (code == null) {
                continue;
            }
            AnswerOption option = q.option(code).orElseThrow();
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = response.addItem().setLinkId(q.linkId()).setText(q.text());
            Coding coding = new Coding().setCode(option.code()).setDisplay(option.display());
            if (option.system() != null) {
                coding.setSystem(option.system());
            }
            item.addAnswer().setValue(coding);
        }

        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(new Date());
        bundle.addEntry().setFullUrl(responseUrl).setResource(response);
        for (ScaleScore scale : screening.result().scales()) {
            if (!scale.complete()) {
                continue;
            }
            UUID id = UUID.nameUUIDFromBytes((screening.id() + "/" + scale.code()).getBytes(StandardCharsets.UTF_8));
            Observation obs = new Observation();
            obs.setId(id.toString());
            obs.setStatus(Observation.ObservationStatus.FINAL);
            obs.addCategory(new CodeableConcept(new Coding(CATEGORY, "survey", "Survey")));
            CodeableConcept code = new CodeableConcept().setText(scale.label());
            if (scale.loinc() != null) {
                code.addCoding(new Coding(LOINC, scale.loinc(), null));
            }
            if (scale.snomed() != null) {
                code.addCoding(new Coding(SNOMED, scale.snomed(), null));
            }
            code.addCoding(new Coding(SCORE_SYSTEM, scale.code(), scale.label()));
            obs.setCode(code);
            obs.setEffective(new DateTimeType(when));
            obs.setIssuedElement(new InstantType(when));
            obs.setValue(new IntegerType(scale.score()));
            obs.setSubject(new Reference(patientUrl));
            obs.addDerivedFrom(new Reference(responseUrl));
            obs.addNote().setText(note(screening, scale));
            bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(obs);
        }
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient(screening.memberId()));
        return bundle;
    }

    /**
     * Who the results are about, for the clinician's system: a pseudonym and nothing else (no name, email or handle).
     * The same for every export of one member, so results taken months apart are seen to be one person's; derived
     * one way from the member's id, which no page shows.
     */
    static UUID pseudonym(UUID memberId) {
        return UUID.nameUUIDFromBytes(("village-member-pseudonym/" + memberId).getBytes(StandardCharsets.UTF_8));
    }

    private static Patient patient(UUID memberId) {
        Patient patient = new Patient();
        patient.setId(pseudonym(memberId).toString());
        patient.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(pseudonym(memberId).toString());
        return patient;
    }

    /** How the score was made, for the clinician who reads it: instrument version, range and cut-offs used. */
    private static String note(Screening screening, ScaleScore scale) {
        StringBuilder note = new StringBuilder("Scored by Village from the published rules (")
                .append(screening.result().rulesSource()).append("). Instrument version ").append(screening.version())
                .append("; range ").append(scale.min()).append("-").append(scale.max()).append(".");
        if (scale.band() != null) {
            note.append(" Band: ").append(scale.band()).append(".");
        }
        List<CutOffResult> cutOffs = scale.cutOffs();
        if (!cutOffs.isEmpty()) {
            note.append(" Cut-offs (").append(screening.result().cutOffGroup().name().toLowerCase()).append("' where they differ):");
            for (CutOffResult c : cutOffs) {
                note.append(" ≥ ").append(c.atLeast()).append(" ").append(c.meaning()).append(" [").append(c.key()).append(", ")
                        .append(c.source()).append("]: ").append(Boolean.TRUE.equals(c.reached()) ? "reached" : "not reached").append(";");
            }
        }
        note.append(" A screening result, not a diagnosis.");
        return note.toString();
    }
}
