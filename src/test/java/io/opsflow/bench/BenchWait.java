package io.opsflow.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for a run to settle, at most the timeout. A benchmark does not fail when it runs out of time:
 * it reports what was done by then, so a timeout just ends the wait.
 */
final class BenchWait {

    private BenchWait() {}

    static boolean until(Duration timeout, Duration poll, Callable<Boolean> settled) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(poll).until(settled);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
