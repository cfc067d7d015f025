package app.village.accounts.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/** Too many failed attempts: the message says how long to wait, in words a tired parent can read. */
public class SignInThrottledException extends LockedException {

    private final long waitSeconds;

    public SignInThrottledException(Duration wait) {
        super(message(wait));
        this.waitSeconds = Math.max(1, wait.toSeconds());
    }

    public long waitSeconds() {
        return waitSeconds;
    }

    public static String message(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        String time = seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
        return "Too many sign-in attempts. For your safety, please wait " + time + " and try again.";
    }
}
