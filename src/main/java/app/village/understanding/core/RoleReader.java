package app.village.understanding.core;

import java.util.regex.Pattern;

import app.village.understanding.WriterRole;

/** Infers the writer's role only when the text makes it clear; otherwise {@code unknown}. */
final class RoleReader {

    private static final Pattern CARER = Pattern.compile("\\b(?:my (?:grandson|granddaughter|grandbaby|grand ?baby|grandchild|grandchildren|grandkids?|grandsons|granddaughters)|as a (?:grandma|grandmother|granny|nan|nana|grandad|grandfather|grandpa|nanny|foster (?:mum|mom|carer|parent)|carer|childminder)|i'?m (?:a|the|their|his|her) (?:nanny|grandma|grandmother|nan|nana|granny|grandad|grandpa|foster carer|foster mum|foster mom|childminder)|(?:grandma|granny|nana|grandad|grandpa) here|we foster|i foster)\\b");
    private static final Pattern FATHER = Pattern.compile("\\b(?:as a (?:dad|father)|i'?m (?:a|the|his|her) (?:dad|father)|im (?:a|the) (?:dad|father)|(?:first[- ]time|new|ft|sahd|stay at home) (?:dad|father)|ftd|sahd|dad of|father of|daddy here|dad here|fellow dads?|other dads|my wife|my missus|the missus|dw\\b|my girlfriend|mother of my (?:child|son|daughter|kids)|my wife'?s)\\b");
    private static final Pattern MOTHER = Pattern.compile("\\b(?:as a (?:mum|mom|mother)|i'?m (?:a|the|his|her) (?:mum|mom|mother)|im (?:a|the) (?:mum|mom|mother)|(?:first[- ]time|new|ft|sahm|stay at home) (?:mum|mom|mother)|ftm|sahm|mum of|mom of|mother of|mama here|mum here|mom here|fellow mums|other mums|other moms|my husband|my hubby|\\bdh\\b|my boyfriend|i gave birth|my (?:c-?section|csection|labou?r|delivery|pregnancy|milk|boobs|nipples|birth|section|midwife|ob|obgyn|stitches|period)|i'?m breastfeeding|im breastfeeding|i breastfeed|i(?:'m| am)? (?:ebf|bf|pumping|exclusively pumping)|when i was pregnant|i was pregnant|my postpartum|mum guilt|mom guilt|mummy guilt)\\b");
    private static final Pattern BIRTH_PARENT = Pattern.compile("\\b(?:i gave birth|my (?:c-?section|csection|labou?r|pregnancy|milk|boobs|nipples|stitches)|i'?m breastfeeding|i breastfeed|when i was pregnant|i was pregnant)\\b");
    private static final Pattern NON_BIRTH_PARENT = Pattern.compile("\\b(?:non[- ]?birth(?:ing)? (?:parent|mum|mom|mother|partner)|co-?parent|other mum|other mom|my wife gave birth|she gave birth|her (?:c-?section|labou?r|pregnancy))\\b");

    private RoleReader() {
    }

    static WriterRole read(String normalisedText) {
        if (CARER.matcher(normalisedText).find()) {
            return WriterRole.CARER;
        }
        boolean father = FATHER.matcher(normalisedText).find();
        boolean mother = MOTHER.matcher(normalisedText).find();
        boolean womanWithWife = NON_BIRTH_PARENT.matcher(normalisedText).find()
                && (normalisedText.contains("my wife") || normalisedText.contains("dw")) && normalisedText.matches("(?s).*\\b(?:mum|mom|mother|mama)\\b.*");
        if (womanWithWife && !BIRTH_PARENT.matcher(normalisedText).find()) {
            return WriterRole.PARTNER;
        }
        if (father && !mother) {
            return WriterRole.FATHER;
        }
        if (mother && !father) {
            return WriterRole.MOTHER;
        }
        if (mother && BIRTH_PARENT.matcher(normalisedText).find() && !normalisedText.matches("(?s).*\\b(?:as a dad|i'?m (?:a|the) dad)\\b.*")) {
            return WriterRole.MOTHER;
        }
        return WriterRole.UNKNOWN;
    }
}
