package app.village.safety.policy;

/**
 * Specific next steps shown prominently to the writer of a high or urgent text. Plain words, never a
 * diagnosis; the advice for crying with anger follows the Period of PURPLE Crying and CDC guidance
 * (CLINICAL-FACTS.md section 6, source 42).
 */
public enum NextStep {
    STEP_AWAY("If the crying is making you angry",
            "Put the baby down safely on their back in the cot, close the door and step away for a few minutes. "
                    + "A crying baby who is safe in the cot is all right. Breathe, have a drink of water, call someone, "
                    + "and look in every 5 to 15 minutes until you feel calmer. Never shake a baby."),
    PARTNER_HELP("Help for your partner",
            "Partners and fathers can struggle after a birth too, and it is not a failing. Your partner can talk to "
                    + "their own doctor (GP) this week and say plainly how they feel about the baby. The helplines below "
                    + "are for them as much as for you. If their anger ever puts you or the baby in danger, call the "
                    + "emergency number."),
    FRIGHTENING_THOUGHTS("About frightening thoughts",
            "Unwanted thoughts of harm coming to the baby are common after a birth, and having them does not mean you "
                    + "will act on them. They can be treated: tell your doctor, midwife or health visitor what the "
                    + "thoughts are like. You will not be judged for saying it."),
    LOW_MOOD("Feeling this low",
            "Tell your doctor, midwife or health visitor how low you feel, this week rather than at the next check. "
                    + "Saying \"I am not coping and I feel hopeless\" is enough to be taken seriously."),
    FEELINGS_FOR_BABY("Feelings about the baby",
            "Resenting the baby or wishing things were different, especially with anger, is something many parents "
                    + "feel and few say. Your health visitor or doctor can help you and the baby find each other; ask "
                    + "them this week."),
    TALK_SOON("Talk to someone soon",
            "Your doctor, midwife or health visitor can help; tell them what you wrote here, in your own words.");

    private final String heading;
    private final String text;

    NextStep(String heading, String text) {
        this.heading = heading;
        this.text = text;
    }

    public String heading() {
        return heading;
    }

    public String text() {
        return text;
    }
}
