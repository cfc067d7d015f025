package app.village.platform;

/** A child's age in months, in the words parents use: "3 weeks" is not known, so "newborn", "5 months", "2 years 3 months". */
public final class Ages {

    private Ages() {
    }

    public static String describe(Integer months) {
        if (months == null) {
            return "";
        }
        if (months == 0) {
            return "under 1 month";
        }
        if (months < 24) {
            return months + (months == 1 ? " month" : " months");
        }
        int years = months / 12;
        int rest = months % 12;
        return years + " years" + (rest == 0 ? "" : " " + rest + (rest == 1 ? " month" : " months"));
    }
}
