package app.village.understanding.cli;

import app.village.understanding.TextToAnalyze;

/** One text read from a file, with where it came from (for error messages) and, in labelled files, the expected answer. */
record InputText(String id, String source, TextToAnalyze text, tools.jackson.databind.JsonNode expected) {
}
