package io.opsflow.fault;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait of the fault suite has a deadline and says what it waited for. */
final class Await {

    private Await() {}

    /** Polls every 250 ms until the condition holds; fails with the description after the timeout. */
    static Duration until(Duration timeout, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A deliberate hold of real time (a stall, an outage, a quiet period), not a wait for a condition. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
