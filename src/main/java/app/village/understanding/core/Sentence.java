package app.village.understanding.core;

import app.village.understanding.Evidence;

/**
 * One sentence of the input: its original text and offsets, a normalised lower-case form for
 * matching (same length as the original, so match positions map back), and whether it is a
 * quote of someone else ("> ...").
 */
record Sentence(String field, String original, int start, String normalised, boolean quoted) {

    Evidence evidence() {
        return new Evidence(original, start, start + original.length(), field);
    }
}
