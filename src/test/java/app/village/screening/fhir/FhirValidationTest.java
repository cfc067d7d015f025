package app.village.screening.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import app.village.screening.ScreeningFixtures;
import app.village.screening.core.CutOffGroup;
import app.village.screening.core.Instrument;
import app.village.screening.core.ScoringEngine;
import app.village.screening.domain.Instruments;
import app.village.screening.domain.Screening;

/**
 * What Village exports is valid FHIR R4, checked offline by HAPI's instance validator against
 * the base specification and against our Questionnaires (served to it by a pre-populated
 * support, without which it would silently skip checking the answers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirValidationTest {

    private final Instruments instruments = ScreeningFixtures.instruments();
    private final Fhir fhir = new Fhir();
    private final FhirExport export = new FhirExport(fhir, instruments);
    private FhirValidator validator;

    @BeforeAll
    void validator() {
        FhirContext ctx = fhir.context();
        Map<String, Questionnaire> byUrl = new java.util.HashMap<>();
        for (String json : instruments.questionnaireJsonInOrder().values()) {
            Questionnaire q = ctx.newJsonParser().parseResource(Questionnaire.class, json);
            byUrl.put(q.getUrl(), q);
        }
        QuestionnaireLookup questionnaires = new QuestionnaireLookup(ctx, byUrl);
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx), questionnaires,
                new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx), unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    @Test
    void everyShippedQuestionnaireAndTheirBundleAreValid() {
        for (String json : instruments.questionnaireJsonInOrder().values()) {
            assertThat(errors(json)).isEmpty();
        }
        String bundle = export.questionnaires();
        assertThat(errors(bundle)).isEmpty();
        Bundle parsed = fhir.json().parseResource(Bundle.class, bundle);
        assertThat(parsed.getEntry()).extracting(e -> ((Questionnaire) e.getResource()).getUrl()).containsExactly(
                "https://village.invalid/fhir/Questionnaire/epds", "https://village.invalid/fhir/Questionnaire/pbq",
                "https://village.invalid/fhir/Questionnaire/phq-9", "https://village.invalid/fhir/Questionnaire/gad-7");
        assertThat(bundle).as("no operator-supplied EPDS wording is published").doesNotContain("Placeholder");
    }

    @Test
    void everyInstrumentsScreeningBundleIsValidAgainstBaseR4AndItsQuestionnaire() {
        Random random = new Random(42L);
        for (Instrument instrument : instruments.offered()) {
            for (int n = 0; n < 5; n++) {
                Screening s = screening(instrument, ScreeningFixtures.random(instrument, random));
                String json = export.bundle(s);
                assertThat(errors(json)).as(instrument.id()).isEmpty();
                Bundle bundle = fhir.json().parseResource(Bundle.class, json);
                QuestionnaireResponse response = (QuestionnaireResponse) bundle.getEntryFirstRep().getResource();
                assertThat(errors(fhir.json().encodeResourceToString(response))).as(instrument.id() + " response alone").isEmpty();
                List<Observation> observations = bundle.getEntry().stream().map(e -> e.getResource())
                        .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
                assertThat(observations).hasSize(s.result().scales().size());
                // Every resource is about the one pseudonymous Patient, the Bundle's last entry, which names nobody.
                Bundle.BundleEntryComponent patient = bundle.getEntry().getLast();
                assertThat(patient.getResource()).isInstanceOf(org.hl7.fhir.r4.model.Patient.class);
                assertThat(((org.hl7.fhir.r4.model.Patient) patient.getResource()).getName()).isEmpty();
                assertThat(((org.hl7.fhir.r4.model.Patient) patient.getResource()).getTelecom()).isEmpty();
                assertThat(response.getSubject().getReference()).isEqualTo(patient.getFullUrl());
                assertThat(json).doesNotContain(s.memberId().toString());
                for (Observation o : observations) {
                    assertThat(o.getSubject().getReference()).isEqualTo(patient.getFullUrl());
                    assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
                    assertThat(o.getDerivedFrom()).extracting(Reference::getReference)
                            .containsExactly(bundle.getEntryFirstRep().getFullUrl());
                    assertThat(o.getNoteFirstRep().getText()).contains(s.version()).contains("not a diagnosis");
                }
                assertThat(observations.getFirst().getValueIntegerType().getValue()).isEqualTo(s.result().main().score());
                assertThat(json).doesNotContain("Placeholder");
            }
        }
    }

    @Test
    void anIncompleteScreeningIsAnInProgressResponseWithObservationsOnlyForTheScoresThatExist() {
        Instrument epds = instruments.get("epds");
        Map<String, String> answers = new java.util.LinkedHashMap<>(ScreeningFixtures.all(epds, 3));
        answers.remove("epds-7");
        String json = export.bundle(screening(epds, answers));
        assertThat(errors(json)).isEmpty();
        Bundle bundle = fhir.json().parseResource(Bundle.class, json);
        assertThat(((QuestionnaireResponse) bundle.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        // The total is missing an item; EPDS-3A (items 3, 4, 5) is complete: 0 + 3 + 0. Then the Patient.
        assertThat(bundle.getEntry()).hasSize(3);
        assertThat(bundle.getEntry().getLast().getResource()).isInstanceOf(org.hl7.fhir.r4.model.Patient.class);
        Observation anxiety = (Observation) bundle.getEntry().get(1).getResource();
        assertThat(anxiety.getCode().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("epds.anxiety-3a"));
        assertThat(anxiety.getValueIntegerType().getValue()).isEqualTo(3);
    }

    @Test
    void theTotalsCarryTheirConfirmedLoincCodes() {
        Instrument phq9 = instruments.get("phq-9");
        Bundle bundle = export.toBundle(screening(phq9, ScreeningFixtures.all(phq9, 1)));
        Observation total = (Observation) bundle.getEntry().get(1).getResource();
        assertThat(total.getCode().getCoding()).anySatisfy(c -> {
            assertThat(c.getSystem()).isEqualTo("http://loinc.org");
            assertThat(c.getCode()).isEqualTo("44261-6");
        });
        assertThat(total.getValueIntegerType().getValue()).isEqualTo(9);
        Instrument gad7 = instruments.get("gad-7");
        Observation gad = (Observation) export.toBundle(screening(gad7, ScreeningFixtures.all(gad7, 0))).getEntry().get(1).getResource();
        assertThat(gad.getCode().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("70274-6"));
    }

    @Test
    void theValidatorReallyChecksAnswersAgainstTheQuestionnaire() {
        Instrument phq9 = instruments.get("phq-9");
        Bundle bundle = export.toBundle(screening(phq9, ScreeningFixtures.all(phq9, 0)));
        QuestionnaireResponse response = (QuestionnaireResponse) bundle.getEntryFirstRep().getResource();
        response.getItemFirstRep().getAnswerFirstRep().getValueCoding().setCode("LA0000-0");
        assertThat(errors(fhir.json().encodeResourceToString(response))).as("an answer outside the options").isNotEmpty();
        QuestionnaireResponse missing = (QuestionnaireResponse) export.toBundle(screening(phq9, ScreeningFixtures.all(phq9, 0)))
                .getEntryFirstRep().getResource();
        missing.getItem().removeIf(i -> i.getLinkId().equals("phq9-9"));
        assertThat(errors(fhir.json().encodeResourceToString(missing))).as("a required answer missing").isNotEmpty();
    }

    private Screening screening(Instrument instrument, Map<String, String> answers) {
        return new Screening(UUID.randomUUID(), UUID.randomUUID(), instrument.id(), instrument.version(), answers,
                ScoringEngine.score(instrument, answers, CutOffGroup.MOTHERS), Instant.parse("2026-12-01T03:00:00Z"));
    }

    private List<String> errors(String json) {
        List<SingleValidationMessage> messages = validator.validateWithResult(json).getMessages();
        assertThat(messages).as("the validator found the Questionnaire (otherwise it skips every answer check)")
                .noneSatisfy(m -> assertThat(m.getMessageId()).isEqualTo("Questionnaire_QR_Q_NotFound"));
        return messages.stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString).toList();
    }
}
