package io.opsflow.approval.run;

import java.time.Duration;

/** The starter urged this task less than the configured interval ago (429 with Retry-After). */
public class UrgedTooSoon extends RuntimeException {

    private final Duration retryAfter;

    public UrgedTooSoon(Duration retryAfter) {
        super("You already sent a reminder for this task; you can send the next one in " + minutes(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, (d.getSeconds() + 59) / 60);
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
