package io.opsflow.fault;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

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

    /**
     * Waits until {@code count} reaches {@code target} for as long as it keeps rising: fails when it has
     * not risen for {@code stall}, or after {@code overall}. For drains whose speed depends on the
     * machine's load, where a fixed deadline fails a slow but healthy run.
     */
    static Duration untilReached(long target, Duration stall, Duration overall, String what, LongSupplier count) {
        long start = System.nanoTime();
        long[] seen = {-1};
        while (seen[0] < target) {
            if (System.nanoTime() - start > overall.toNanos()) {
                throw new AssertionError("Timed out after " + overall.toSeconds() + " s waiting for: " + what + " (" + seen[0] + " of " + target + ")");
            }
            long before = seen[0];
            try {
                Awaitility.await(what).atMost(stall).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    seen[0] = count.getAsLong();
                    return seen[0] > before;
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("No progress for " + stall.toSeconds() + " s waiting for: " + what + " (" + seen[0] + " of " + target + ")");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A deliberate hold of real time (a stall, an outage, a quiet period), not a wait for a condition. */
    static void sleep(Duration duration) {
        Awaitility.await("hold of " + duration).pollDelay(duration).atMost(duration.plusSeconds(10)).until(() -> true);
    }
}
