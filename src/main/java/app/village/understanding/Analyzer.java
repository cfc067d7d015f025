package app.village.understanding;

/** The one entry point of the understanding of texts. Thread-safe. */
public interface Analyzer {

    Insight analyze(TextToAnalyze input);
}
