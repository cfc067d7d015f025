package app.village.understanding.app;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.village.platform.InvalidInputException;
import app.village.platform.UserText;
import app.village.understanding.Analyzer;
import app.village.understanding.InsightJson;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.WriterRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Understanding", description = "What Village hears in a text")
class AnalyzeApi {

    private final Analyzer analyzer;

    AnalyzeApi(@org.springframework.context.annotation.Lazy Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    record AnalyzeRequest(String text, String title, String role, Integer childAgeMonths) {
    }

    @Operation(summary = "The understanding of a text: themes with evidence, writer, subject, child age and risk",
            description = "Nothing is stored. Texts up to 20,000 characters; offsets in the evidence count UTF-16 units of the text sent.")
    @PostMapping("/api/analyze")
    InsightJson analyze(@RequestBody AnalyzeRequest request) {
        String text = UserText.required("text", "The text", request.text(), 20_000, true);
        String title = UserText.optional("title", "The title", request.title(), 200, false);
        if (request.childAgeMonths() != null && (request.childAgeMonths() < 0 || request.childAgeMonths() > 216)) {
            throw new InvalidInputException("childAgeMonths", "The child's age must be between 0 and 216 months.");
        }
        WriterRole role = request.role() == null ? null : WriterRole.ofCode(request.role());
        return InsightJson.of(null, analyzer.analyze(new TextToAnalyze(text, title, role, request.childAgeMonths())));
    }
}
