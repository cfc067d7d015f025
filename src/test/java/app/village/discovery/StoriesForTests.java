package app.village.discovery;

import java.util.List;

/** Short stories written for these tests (never the public corpus): a title and a body each. */
public final class StoriesForTests {

    private StoriesForTests() {
    }

    public record Story(String title, String body) {

        /**
         * The story with a made-up word at its end, so that a test's stories are told apart from the
         * same stories published by other tests on the shared database.
         */
        public Story marked(String word) {
            return new Story(title, body + " " + word);
        }
    }

    /** A made-up word no story contains. */
    public static String marker() {
        StringBuilder b = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    public static final Story NO_BOND = new Story("Ten weeks and I feel nothing for him",
            "Everyone told me the love would come. My son is ten weeks old and I still feel like I'm looking after "
                    + "somebody else's baby. I feed him, change him, rock him, and feel nothing. I'm ashamed to say it out loud.");

    /** The same story told again by another parent, with a sentence left out and a few words changed. */
    public static final Story NO_BOND_AGAIN = new Story("Eleven weeks and I feel nothing for her",
            "Everyone told me the love would come. My daughter is eleven weeks old and I still feel like I'm looking after "
                    + "somebody else's baby. I feed her, change her and rock her, and feel nothing.");

    public static final Story CRYING_EVENINGS = new Story("Screaming every evening",
            "From six until midnight she screams and nothing soothes her. We have tried feeding, rocking, white noise "
                    + "and driving round the block. My partner and I take turns standing in the garden to breathe.");

    public static final Story DROP_OFF = new Story("Nursery goodbyes",
            "He is eighteen months and clings to my legs at nursery drop-off, sobbing. I cry all the way to the "
                    + "office and text the staff at lunchtime to ask if he has settled.");

    public static final Story DAD_LOW = new Story("A dad who feels flat",
            "Since our son arrived I have felt flat and numb. I go to work, come home, do bath time and feel like a "
                    + "spectator. I'm his father and I don't know who I'm supposed to tell.");

    public static final Story FEEDING_PAIN = new Story("Feeding hurts",
            "Breastfeeding hurts so much. My nipples are cracked and I dread every feed. The midwife says the latch "
                    + "looks fine but I cry before each one.");

    public static final Story BIRTH_MEMORIES = new Story("The birth keeps replaying",
            "The emergency caesarean replays in my head at night: the alarms, everyone running, being put to sleep. "
                    + "I hold my daughter and my heart races.");

    public static final Story ARGUING = new Story("We argue about everything",
            "Since the baby we argue about who is more tired and who does more. We barely speak kindly any more and "
                    + "I miss us.");

    public static List<Story> others() {
        return List.of(CRYING_EVENINGS, DROP_OFF, DAD_LOW, FEEDING_PAIN, BIRTH_MEMORIES, ARGUING);
    }
}
