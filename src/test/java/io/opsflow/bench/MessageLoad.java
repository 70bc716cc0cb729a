package io.opsflow.bench;

import java.time.Duration;
import org.awaitility.Awaitility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of a messaging run: {@code threads} threads queue {@code messages} messages as
 * fast as they can, {@code batch} per transaction, and note each message's commit time (wall clock,
 * microseconds, taken when the committing call has returned). With a rate above 0 the batches are
 * paced instead: batch {@code k} starts no earlier than {@code k × batch ÷ rate} seconds after the first.
 */
final class MessageLoad {

    private MessageLoad() {}

    static Map<String, Long> queue(MessagingSide side, String run, int messages, int threads, int batch, double perSecond)
            throws Exception {
        long start = System.nanoTime();
        Map<String, Long> commitMicros = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(clients.submit(() -> {
                    for (int from = next.getAndAdd(batch); from < messages; from = next.getAndAdd(batch)) {
                        if (perSecond > 0) {
                            long due = start + (long) (from / perSecond * 1e9);
                            Awaitility.await("batch " + from + " due").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(1))
                                    .until(() -> System.nanoTime() >= due);
                        }
                        List<String> ids = side.queue(run, from, Math.min(messages, from + batch));
                        long committed = WallClock.nowMicros();
                        ids.forEach(id -> commitMicros.put(id, committed));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return commitMicros;
    }
}
