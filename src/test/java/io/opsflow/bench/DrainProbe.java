package io.opsflow.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The async benchmark job: does nothing but count, per process instance, its attempts and its
 * successful executions (in memory, so rolled-back attempts are counted too). An instance with the
 * variable {@code failTimes} = n throws on its first n attempts. A success counted twice for one
 * instance is a duplicate execution.
 */
public class DrainProbe implements JavaDelegate {

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> SUCCESSES = new ConcurrentHashMap<>();

    static void reset() {
        ATTEMPTS.clear();
        SUCCESSES.clear();
    }

    static int instancesRun() {
        return SUCCESSES.size();
    }

    static long duplicates() {
        return SUCCESSES.values().stream().filter(count -> count.get() > 1).count();
    }

    static long attempts() {
        return ATTEMPTS.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String instance = execution.getProcessInstanceId();
        int attempt = ATTEMPTS.computeIfAbsent(instance, id -> new AtomicInteger()).incrementAndGet();
        Object failTimes = execution.getVariable("failTimes");
        if (failTimes instanceof Number n && attempt <= n.intValue()) {
            throw new IllegalStateException("planned failure " + attempt + " of " + n);
        }
        SUCCESSES.computeIfAbsent(instance, id -> new AtomicInteger()).incrementAndGet();
    }
}
