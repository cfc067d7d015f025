package app.village.understanding;

import java.util.Locale;

/** The themes of TAXONOMY.md; {@link #code()} is the stable spelling used in JSON and storage. */
public enum Theme {
    BONDING_DIFFICULTY("bonding with the baby"),
    PERINATAL_DEPRESSION("low mood or depression"),
    ANXIETY("worry and anxiety"),
    INTRUSIVE_THOUGHTS("frightening unwanted thoughts"),
    SEPARATION_DISTRESS("upset at goodbyes"),
    PARENTAL_GUILT("guilt about parenting"),
    INFANT_CRYING("a baby who cries a lot"),
    RELATIONSHIP_STRAIN("strain between the two of you"),
    REGRET_OR_REJECTION("regret or feeling pushed away from the baby"),
    ANGER_IRRITABILITY("anger and losing patience"),
    ISOLATION("feeling alone"),
    WORK_PRESSURE("work and juggling"),
    SLEEP_DEPRIVATION("exhaustion and lack of sleep"),
    FEEDING("feeding"),
    BIRTH_TRAUMA("a hard or frightening birth"),
    MEDICATION("medication"),
    SELF_HARM("thoughts of harming yourself"),
    HARM_TO_CHILD("fear of harming the baby"),
    PSYCHOSIS_SIGNS("experiences that need a doctor urgently");

    private final String plainWords;

    Theme(String plainWords) {
        this.plainWords = plainWords;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the theme is named to the writer: plain, never a diagnosis. */
    public String plainWords() {
        return plainWords;
    }

    public static Theme ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
