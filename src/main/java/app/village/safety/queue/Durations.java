package app.village.safety.queue;

import java.time.Duration;

/** Waiting times in plain words: "4 min", "2 h 05 min", "3 days 4 h". */
public final class Durations {

    private Durations() {
    }

    public static String plain(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + String.format("%02d", minutes % 60) + " min";
        }
        return hours / 24 + " days " + hours % 24 + " h";
    }
}
