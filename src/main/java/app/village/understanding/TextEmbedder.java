package app.village.understanding;

/**
 * A whole text as a point in meaning: the same all-MiniLM-L6-v2 model the analysis uses, for
 * modules that compare texts with each other (similar stories). Vectors have unit length, so
 * their dot product is their cosine similarity. Thread-safe.
 */
@FunctionalInterface
public interface TextEmbedder {

    /** all-MiniLM-L6-v2 gives 384 numbers per text. */
    int DIMENSIONS = 384;

    /**
     * The text's vector. Long texts are read in parts of about 500 word pieces whose vectors are
     * averaged, so every word counts, at a cost that grows with the length.
     */
    float[] embed(String text);
}
