package app.village.bench;

import java.util.Random;

/** Sentences written for the bench, in the voice of the community, recombined into posts and replies. */
final class Texts {

    static final String[] TITLES = {
            "Three weeks in and I still feel like a stranger to her", "Does it get easier at night?",
            "My husband says he cannot feel anything for our son", "Crying in the car park again",
            "The health visitor asked how I was and I lied", "Back at work and missing all the firsts",
            "Not sleeping more than two hours at a time", "I love him but I do not like this",
            "Partner struggling after the birth, how do I help?", "Feeding is going badly and I feel like a failure",
            "Anyone else feel nothing at first?", "Small wins this week", "Scared to be alone with the baby",
            "Our toddler's tantrums are wearing me down", "Started medication, first week", "Grandparents mean well but",
    };

    static final String[] SENTENCES = {
            "She is eight weeks old and I still feel like I am looking after someone else's baby.",
            "Everyone keeps telling me to enjoy every moment and I just nod.",
            "Last night he cried from midnight until four and I sat on the kitchen floor with him.",
            "My partner does the bath and bedtime and they look so easy together.",
            "I was so sure I would feel a rush of love and instead I felt numb.",
            "The midwife said it can take time, but nobody says how much time.",
            "Some days are better, we had a walk by the river and she smiled at me.",
            "I have not told my mum how hard this is because she would worry.",
            "When he latches badly I tense up and I think he can feel it.",
            "I keep checking that she is breathing, over and over, even when I know she is fine.",
            "My GP was kind and we talked about the options, which helped more than I expected.",
            "I feel guilty for wanting an hour to myself.",
            "He is fourteen months now and things are slowly getting better between us.",
            "At the baby group everyone seemed to know what they were doing.",
            "I wrote down three good moments each day, as someone here suggested, and it helps a little.",
            "The nights are the worst, everything feels bigger at three in the morning.",
            "My husband went quiet after the birth and I do not know how to reach him.",
            "I am going back to work next month and part of me is relieved, which makes me feel terrible.",
            "We tried skin to skin again today and she fell asleep on my chest.",
            "I did not expect the birth to stay with me like this, I keep going over it.",
    };

    static final String[] REPLIES = {
            "I felt exactly this with my first, and it did change, slowly.", "You are doing so much better than you think.",
            "Sending you strength tonight.", "Please talk to your GP or health visitor, they helped me a lot.",
            "The three in the morning thoughts are the worst, I am sorry.", "Thank you for writing this, I thought it was only me.",
            "Skin to skin helped us too.", "It took us months, and we are close now.", "Be kind to yourself, this is hard.",
    };

    private static final String[] QUERIES = {"sleep", "crying at night", "bonding", "partner", "feeding", "going back to work",
            "numb", "birth trauma", "toddler tantrums", "medication"};

    private Texts() {
    }

    /** A title and a body of a few sentences. */
    static String[] post(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 3 + random.nextInt(6); i > 0; i--) {
            body.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(random.nextInt(4) == 0 ? "\n\n" : " ");
        }
        return new String[] {TITLES[random.nextInt(TITLES.length)], body.toString().strip()};
    }

    static String reply(Random random) {
        return REPLIES[random.nextInt(REPLIES.length)] + " " + REPLIES[random.nextInt(REPLIES.length)];
    }

    static String query(Random random) {
        return QUERIES[random.nextInt(QUERIES.length)].replace(' ', '+');
    }

    /** A PostgreSQL array literal of the texts. */
    static String sqlArray(String[] texts) {
        StringBuilder b = new StringBuilder("ARRAY[");
        for (int i = 0; i < texts.length; i++) {
            b.append(i == 0 ? "" : ",").append('\'').append(texts[i].replace("'", "''")).append('\'');
        }
        return b.append(']').toString();
    }
}
