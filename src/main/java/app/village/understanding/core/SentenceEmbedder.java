package app.village.understanding.core;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product is their similarity in meaning. */
public interface SentenceEmbedder {

    float[][] embed(List<String> sentences);
}
