package app.village.understanding.core;

import java.util.List;
import java.util.Map;

/**
 * How a sentence encoder's vectors become features of the learned readers: each sentence's vector
 * for the sentence readers, and the mean of a text's sentence vectors for the readers of a whole
 * text. The vectors are unit length, with components of about 0.05, next to word features of 1,
 * so each side has its own scale (chosen by cross-validation); a scale of 0 leaves that side out.
 * A model records the encoding it was trained with ({@link ReaderModel#encoding()}), and the same
 * encoding must read, or the readers would weigh features they never saw.
 *
 * @param name the encoder's name, {@code "none"} for words and the lexicon alone
 * @param encoder null until the analyser that reads with this model supplies it
 */
public record TextEncoding(String name, SentenceEmbedder encoder, float textScale, float sentenceScale) {

    public static final String NONE_NAME = "none";
    public static final String MINILM = "all-MiniLM-L6-v2-q";
    public static final TextEncoding NONE = new TextEncoding(NONE_NAME, null, 0, 0);

    static final String ABOUT_NAME = "encoder";
    static final String ABOUT_TEXT_SCALE = "encoder-text-scale";
    static final String ABOUT_SENTENCE_SCALE = "encoder-sentence-scale";

    public boolean used() {
        return !NONE_NAME.equals(name) && (textScale > 0 || sentenceScale > 0);
    }

    /** This encoding read by the given encoder, refused when the model needs one and none is given. */
    public TextEncoding with(SentenceEmbedder given) {
        if (!used()) {
            return NONE;
        }
        if (given == null) {
            throw new ReaderModelException("the understanding model was trained with the sentence encoder " + name
                    + " and none was given to read with it");
        }
        return new TextEncoding(name, given, textScale, sentenceScale);
    }

    /** The values a model file keeps, so the reader knows how it was trained. */
    public void describe(Map<String, String> about) {
        about.put(ABOUT_NAME, name);
        about.put(ABOUT_TEXT_SCALE, Float.toString(textScale));
        about.put(ABOUT_SENTENCE_SCALE, Float.toString(sentenceScale));
    }

    static TextEncoding described(Map<String, String> about) {
        String name = about.getOrDefault(ABOUT_NAME, NONE_NAME);
        if (NONE_NAME.equals(name)) {
            return NONE;
        }
        try {
            return new TextEncoding(name, null, Float.parseFloat(about.getOrDefault(ABOUT_TEXT_SCALE, "0")),
                    Float.parseFloat(about.getOrDefault(ABOUT_SENTENCE_SCALE, "0")));
        } catch (NumberFormatException e) {
            throw new ReaderModelException("the understanding model's encoder scales are not numbers: " + about);
        }
    }

    /** Each sentence's unit vector, or null when no encoder is used. */
    float[][] vectors(List<String> sentences) {
        if (!used() || encoder == null) {
            return null;
        }
        return encoder.embed(sentences);
    }

    /** Adds one vector, scaled, as features named prefix + dimension. */
    static void put(Map<String, Float> features, String prefix, float[] vector, float scale) {
        if (vector == null || scale <= 0) {
            return;
        }
        for (int d = 0; d < vector.length; d++) {
            features.put(prefix + d, vector[d] * scale);
        }
    }

    /** The normalised mean of the sentences' vectors: what a whole text means, each sentence counting once. */
    static float[] mean(float[][] vectors) {
        if (vectors == null || vectors.length == 0) {
            return null;
        }
        float[] sum = new float[vectors[0].length];
        for (float[] v : vectors) {
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        if (norm == 0) {
            return sum;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }
}
