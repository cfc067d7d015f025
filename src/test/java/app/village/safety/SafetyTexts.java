package app.village.safety;

/**
 * Texts written for the safety tests (not from any corpus), checked with {@code ./village analyze}
 * to read as the level their name says.
 */
public final class SafetyTexts {

    public static final String URGENT_TITLE = "I can't do this any more";
    public static final String URGENT_SELF_HARM = "Most nights lately I lie awake thinking about ending my life. "
            + "I have started to think about how I would do it while everyone sleeps.";

    public static final String HELD_TITLE = "Scared of myself";
    public static final String URGENT_HARM_TO_CHILD = "When she screams for hours I get the urge to shake her hard and I am scared "
            + "I will actually hurt her. I have had to walk out of the room twice this week.";

    public static final String HIGH_TITLE = "Evenings are the worst";
    public static final String HIGH_CRYING_ANGER = "Our baby screams for hours every night, it is relentless colic. "
            + "I lose my temper and feel rage when he will not stop crying.";

    public static final String PARTNER_TITLE = "My husband and our son";
    public static final String HIGH_PARTNER = "My husband says the baby is ruining our lives and that he hates him. He gets furious "
            + "and shouts whenever our son cries, and I am frightened of how angry he gets.";

    public static final String CALM_TITLE = "A better week";
    public static final String CALM = "Feeding is going better this week and the nights are a little easier. "
            + "Thank you all for the kind words.";

    private SafetyTexts() {
    }
}
