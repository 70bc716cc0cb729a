package io.opsflow.fault;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait of the fault suite has a deadline and says what it waited for. */
final class Await {

    private Await() {}

    /** Polls every 250 ms until the condition holds; fails with the description after the timeout. */
    static Duration until(Duration timeout, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            boolean met;
            try {
                met = condition.getAsBoolean();
            } catch (RuntimeException e) {
                met = false;
            }
            if (met) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
