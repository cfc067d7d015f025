package app.village.screening.core;

/** A published severity band of a total, inclusive at both ends. */
public record Band(int from, int to, String label) {

    public boolean contains(int score) {
        return score >= from && score <= to;
    }
}
