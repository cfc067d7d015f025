package app.village.journal.domain;

import java.util.Locale;

import app.village.platform.InvalidInputException;

/** Whether the medication was taken on the day of a check-in. */
public enum Medication {
    TAKEN("Taken"), MISSED("Missed"), NOT_ON_MEDICATION("Not on medication");

    private final String label;

    Medication(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Blank means not answered; anything else must be one of the three codes (any case). */
    static Medication parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("medication", "Choose whether you took your medication: TAKEN, MISSED or NOT_ON_MEDICATION.");
        }
    }
}
