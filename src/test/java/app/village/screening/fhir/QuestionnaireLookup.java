package app.village.screening.fhir;

import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;

/**
 * Serves our Questionnaires to HAPI's validator by canonical URL, with or without
 * {@code |version} (a QuestionnaireResponse names {@code url|version}, which the pre-populated
 * support does not resolve; unresolved, the validator only warns and skips every answer check).
 */
final class QuestionnaireLookup implements IValidationSupport {

    private final FhirContext context;
    private final Map<String, Questionnaire> byUrl;

    QuestionnaireLookup(FhirContext context, Map<String, Questionnaire> byUrl) {
        this.context = context;
        this.byUrl = Map.copyOf(byUrl);
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
        if (uri == null || (type != null && !type.isAssignableFrom(Questionnaire.class))) {
            return null;
        }
        int bar = uri.indexOf('|');
        Questionnaire q = byUrl.get(bar < 0 ? uri : uri.substring(0, bar));
        if (q == null || (bar >= 0 && !uri.substring(bar + 1).equals(q.getVersion()))) {
            return null;
        }
        return (T) q;
    }

    @Override
    public String getName() {
        return "Village Questionnaires";
    }
}
