package app.village.understanding.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.village.understanding.Evidence;
import app.village.understanding.Insight;
import app.village.understanding.Person;
import app.village.understanding.RiskLevel;
import app.village.understanding.Subject;
import app.village.understanding.TextToAnalyze;
import app.village.understanding.Theme;
import app.village.understanding.ThemeFinding;
import app.village.understanding.WriterRole;

/** One test per family of rules: what must be heard, and what must not. */
class RuleFamiliesTest {

    private static final RuleAnalyzer ANALYZER = new RuleAnalyzer();

    private static Insight read(String text) {
        return ANALYZER.analyze(TextToAnalyze.of(text));
    }

    private static ThemeFinding finding(Insight insight, Theme theme) {
        return insight.themes().stream().filter(t -> t.theme() == theme).findFirst()
                .orElseThrow(() -> new AssertionError(theme + " not heard in " + insight.themes()));
    }

    @Test
    void directSelfHarmThoughtsAreUrgentWithTheSentenceAsEvidence() {
        String text = "Nap schedule is a mess again. Some nights I think everyone would be better off without me. Anyway, any tips for naps?";
        Insight insight = read(text);
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
        Evidence evidence = insight.riskReasons().get(0).evidence();
        assertThat(insight.riskReasons().get(0).code()).isEqualTo("self_harm");
        assertThat(text.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text())
                .contains("better off without me");
    }

    /** Indirect wordings a peer supporter would never miss (issue 11), each written here in words of our own. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Honestly I can't see the point in going on like this.",
            "There's no reason left to keep living, not really.",
            "I've been putting aside my sleeping pills, just in case.",
            "I imagine my wife and kids carrying on without me and honestly they look happier.",
            "If a lorry hit me tomorrow I wouldn't really mind.",
            "I've sorted out where my life insurance papers are and written down who would look after the kids.",
            "Life isn't worth living any more.",
            "Why should I keep going?",
            "I just want to die, I'm so tired of all of it."})
    void indirectWishesAndPreparationsAreUrgent(String text) {
        Insight insight = read(text);
        assertThat(insight.has(Theme.SELF_HARM)).as(text).isTrue();
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
    }

    @Test
    void anUrgeToLetTheBabyFallSomewhereHighIsAnUrgeToHarmNotAJobLost() {
        Insight insight = read("Standing on the balcony with him in my arms I felt this urge to let go of him. It terrified me.");
        assertThat(insight.has(Theme.HARM_TO_CHILD)).isTrue();
        assertThat(insight.has(Theme.WORK_PRESSURE)).isFalse();
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);

        // The urge is whoever felt it, not whoever else the post names.
        Insight withPartner = read("My husband was asleep upstairs. On the landing, holding her, I had a sudden urge to drop her and it frightened me.");
        assertThat(withPartner.themes()).filteredOn(t -> t.theme() == Theme.HARM_TO_CHILD).extracting(ThemeFinding::person)
                .containsExactly(Person.WRITER);
        Insight partners = read("On the balcony last night my husband said he felt an urge to drop her and it frightened him.");
        assertThat(finding(partners, Theme.HARM_TO_CHILD).person()).isEqualTo(Person.PARTNER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm done with breastfeeding, we switched to formula and I feel good about it.",
            "Today is the day! Induction at 8am, wish us luck.",
            "We keep the Calpol in the drawer just in case she gets a fever.",
            "I don't think I'd mind if he took the baby out for the whole day.",
            "Why do I keep going back to the same bad habits with snacks?",
            "He'd be better off with a bottle at night, the midwife says."})
    void everydayWordsLikeThemAreNotUrgent(String text) {
        Insight insight = read(text);
        assertThat(insight.has(Theme.SELF_HARM)).as(text).isFalse();
        assertThat(insight.riskLevel()).as(text).isNotEqualTo(RiskLevel.URGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I would never hurt him, I just feel so tired.",
            "No thoughts of harming myself, just exhausted and weepy.",
            "I'm not suicidal, I'm just tired of the night feeds."})
    void negationAndReassuranceAreNotHarm(String text) {
        Insight insight = read(text);
        assertThat(insight.has(Theme.SELF_HARM)).isFalse();
        assertThat(insight.has(Theme.HARM_TO_CHILD)).isFalse();
        assertThat(insight.riskLevel()).isNotEqualTo(RiskLevel.URGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "This baby is killing me lol, up five times last night.",
            "I could murder a coffee right now.",
            "She'll be the death of me, climbing everything.",
            "I actually wanted to die when I saw what the nursery charges per day"})
    void hyperboleIsNotHarm(String text) {
        Insight insight = read(text);
        assertThat(insight.riskLevel()).isNotEqualTo(RiskLevel.URGENT);
    }

    @Test
    void hypotheticalAndGenericQuestionsAreNotSigns() {
        assertThat(read("How do you know if your wife is suicidal? She seems happy, I'm just reading up.").riskLevel())
                .isNotEqualTo(RiskLevel.URGENT);
        assertThat(read("Is it normal to feel nothing for my baby? She's 6 weeks.").has(Theme.BONDING_DIFFICULTY)).isTrue();
    }

    @Test
    void reportedSpeechBelongsToTheSpeaker() {
        Insight insight = read("My husband says the baby is ruining our lives. He works 16 hours a day and shouts when she cries.");
        assertThat(finding(insight, Theme.REGRET_OR_REJECTION).person()).isEqualTo(Person.PARTNER);
        assertThat(insight.subject()).isEqualTo(Subject.PARTNER);
    }

    @Test
    void aResolvedPastIsNotAPresentStruggle() {
        Insight insight = read("I had PPD last year with my first, got help and I'm great now. Any tips for the newborn stage?");
        assertThat(insight.has(Theme.PERINATAL_DEPRESSION)).isFalse();
        assertThat(insight.riskLevel()).isIn(RiskLevel.NONE, RiskLevel.LOW);
        assertThat(read("I've had PPD for three months and it is getting worse.").has(Theme.PERINATAL_DEPRESSION)).isTrue();
    }

    @Test
    void aPastAttemptComingBackIsStillUrgent() {
        Insight insight = read("Two years ago I was suicidal and therapy helped. But lately the thoughts of ending it are back again.");
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
    }

    @Test
    void typosNoPunctuationAndCapitalsAreRead() {
        Insight insight = read("I DONT FEEL ANYTHING FOR HER im so tired cant sleep havent slept in weeks");
        assertThat(insight.has(Theme.BONDING_DIFFICULTY)).isTrue();
        assertThat(insight.has(Theme.SLEEP_DEPRIVATION)).isTrue();
    }

    @Test
    void aQuoteIsSomeoneElsesUnlessTheWriterAgrees() {
        Insight other = read("> I feel like the worst mum in the world\n\nSending you a hug, it gets easier.");
        assertThat(finding(other, Theme.PARENTAL_GUILT).person()).isEqualTo(Person.OTHER);
        Insight agreeing = read("> does anyone else wish they could go to sleep and not wake up?\n\nyes. almost every night lately.");
        assertThat(agreeing.riskLevel()).isEqualTo(RiskLevel.URGENT);
        assertThat(finding(agreeing, Theme.SELF_HARM).person()).isEqualTo(Person.WRITER);
    }

    @Test
    void adviceToTheReaderIsNotTheWritersSign() {
        assertThat(read("If you ever have thoughts of hurting yourself, tell your GP straight away.").riskLevel())
                .isNotEqualTo(RiskLevel.URGENT);
    }

    @Test
    void intrusiveThoughtsAreHighAndUrgesAreUrgent() {
        assertThat(read("I keep getting images of him falling down the stairs. I would never, it makes me feel sick.").riskLevel())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(read("When she screams I feel an urge to shake her and it frightens me.").riskLevel())
                .isEqualTo(RiskLevel.URGENT);
    }

    @Test
    void psychosisSignsAreUrgentAndBelongToThePersonNotTheBaby() {
        Insight insight = read("My wife says the baby is not her real baby, that they swapped him at the hospital. She hasn't slept in four days.");
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
        assertThat(finding(insight, Theme.PSYCHOSIS_SIGNS).person()).isEqualTo(Person.PARTNER);
    }

    @Test
    void angerWithInconsolableCryingIsHigh() {
        Insight insight = read("He has colic and screams for hours every evening. Tonight I lost my temper and yelled at him.");
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(insight.riskReasons()).extracting(r -> r.code()).contains("anger_irritability", "infant_crying");
    }

    @Test
    void theWritersRoleIsGivenOrReadOnlyWhenClear() {
        assertThat(read("As a dad I feel useless at night.").writerRole()).isEqualTo(WriterRole.FATHER);
        assertThat(read("My husband does bedtime.").writerRole()).isEqualTo(WriterRole.MOTHER);
        assertThat(read("Bedtime is hard.").writerRole()).isEqualTo(WriterRole.UNKNOWN);
        Insight given = ANALYZER.analyze(new TextToAnalyze("Bedtime is hard.", null, WriterRole.CARER, 7));
        assertThat(given.writerRole()).isEqualTo(WriterRole.CARER);
        assertThat(given.writerRoleGiven()).isTrue();
        assertThat(given.childAgeMonths()).isEqualTo(7);
    }

    @Test
    void aTitleIsReadWithItsOwnOffsets() {
        Insight insight = ANALYZER.analyze(new TextToAnalyze("Any tips?", "I feel nothing for my baby", null, null));
        Evidence e = finding(insight, Theme.BONDING_DIFFICULTY).evidence().get(0);
        assertThat(e.field()).isEqualTo("title");
        assertThat("I feel nothing for my baby".substring(e.start(), e.end())).isEqualTo(e.text());
    }

    @Test
    void aSignSpreadOverShortSentencesIsHeardWithEachSentenceAsEvidence() {
        String text = "I look at the paracetamol in the cupboard every time I make a bottle. Last night I counted them. 32.";
        Insight insight = read(text);
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.URGENT);
        ThemeFinding selfHarm = finding(insight, Theme.SELF_HARM);
        assertThat(selfHarm.evidence()).extracting(Evidence::text)
                .contains("I look at the paracetamol in the cupboard every time I make a bottle.", "Last night I counted them.");
        for (Evidence e : selfHarm.evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Test
    void signsSpreadOverSentencesNeedTheirPartsCloseTogether() {
        // The same words far apart, or counting something else, are not the sign.
        assertThat(read("We bought paracetamol for her teething. She loves the park. The ducks were out. "
                + "We fed them. Then I counted them, eleven ducks!").has(Theme.SELF_HARM)).isFalse();
        assertThat(read("I sit in the car in the garage after everyone is in bed. Door down, engine on.").riskLevel())
                .isEqualTo(RiskLevel.URGENT);
        assertThat(read("The car is in the garage. I never leave the engine on.").has(Theme.SELF_HARM)).isFalse();
    }

    @Test
    void talkAboutHowCommonSomethingIsOrAQuestionToTheReaderIsNotTheWritersOwn() {
        assertThat(read("I've read that intrusive thoughts are really common in new parents.").has(Theme.INTRUSIVE_THOUGHTS)).isFalse();
        assertThat(read("We ask everyone the same questions, have you felt down or hopeless, any thoughts of harming yourself.")
                .riskLevel()).isEqualTo(RiskLevel.NONE);
        assertThat(read("I keep getting this picture of holding him under the water. I'd never do it.").has(Theme.INTRUSIVE_THOUGHTS))
                .isTrue();
    }

    @Test
    void theReadersOwnWordsReportedBackToThemAreTheirSignNotAdvice() {
        Insight reported = read("you said you want to die and that its been like that since the baby came. i hear you.");
        assertThat(reported.riskLevel()).isEqualTo(RiskLevel.URGENT);
        assertThat(finding(reported, Theme.SELF_HARM).person()).isEqualTo(Person.OTHER);
        // Advice to the reader stays advice.
        assertThat(read("please don't kill yourself, you matter so much.").riskLevel()).isNotEqualTo(RiskLevel.URGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "My best friend died by suicide last year and I still miss her.",
            "We lost one of the lads from five-a-side to suicide two years ago.",
            "Please say 'died by suicide' rather than 'committed suicide'.",
            "The leaflet says it can cause suicidal thoughts in the first few weeks.",
            "I asked my husband straight out last night if he's had any thoughts of hurting himself."})
    void talkAboutSomeoneElsesSuicideOrAboutAskingIsNotAnyonesSign(String text) {
        assertThat(read(text).riskLevel()).isNotEqualTo(RiskLevel.URGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "i dont see myself making it to 30.",
            "no one would notice if i was gone tbh.",
            "I want to commit suicide.",
            "every1 would b better off. im sorry",
            "i just wouldnt mind not existing."})
    void indirectWishesNotToBeAliveAreUrgent(String text) {
        assertThat(read(text).riskLevel()).as(text).isEqualTo(RiskLevel.URGENT);
    }

    @Test
    void theWritersOwnTearsAreNotTheBabysCrying() {
        assertThat(read("I cry in the car every single morning after drop off.").has(Theme.INFANT_CRYING)).isFalse();
        assertThat(read("She screams for hours every evening and nothing settles her.").has(Theme.INFANT_CRYING)).isTrue();
        assertThat(read("I can't get him to stop crying, he has been going for hours.").has(Theme.INFANT_CRYING)).isTrue();
    }

    @Test
    void ordinaryHappyPostsAreNone() {
        Insight insight = read("He smiled at me for the first time today! Best feeling ever.");
        assertThat(insight.riskLevel()).isEqualTo(RiskLevel.NONE);
        assertThat(insight.themes()).isEmpty();
    }
}
