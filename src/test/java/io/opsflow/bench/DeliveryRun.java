package io.opsflow.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The outcome of one side's run: messages queued, delivered, not delivered and delivered more than
 * once, delivered messages per second from the first commit to the last delivery, each message's
 * commit-to-delivery latency, jobs the executor turned away, and the database work per message
 * (queueing and delivery together).
 */
record DeliveryRun(String side, String run, int messages, int delivered, int duplicates, int rejectedJobs, double seconds,
        long[] latencies, double statementsPerMessage, double commitsPerMessage) {

    int notDelivered() {
        return messages - delivered;
    }

    double perSecond() {
        return delivered / seconds;
    }

    /**
     * Queues the run through {@link MessageLoad}, waits until the side has settled (or {@code timeout}
     * passed) and measures it.
     */
    static DeliveryRun measure(MessagingSide side, DeliverySink sink, String run, int messages, int threads, int batch,
            double perSecond, Duration timeout) throws Exception {
        side.prepare(run);
        sink.reset();
        var before = side.dataSource().snapshot();
        int rejectedBefore = side.rejectedJobs();
        Map<String, Long> commits = MessageLoad.queue(side, run, messages, threads, batch, perSecond);
        BenchWait.until(timeout, Duration.ofMillis(250), () -> side.settled(run, messages));
        var work = side.dataSource().snapshot().minus(before);
        Map<String, Long> deliveries = side.deliveries(run, sink);
        long firstCommit = commits.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long lastDelivery = firstCommit;
        long[] latencies = new long[commits.size()];
        int delivered = 0;
        for (var commit : commits.entrySet()) {
            Long at = deliveries.get(commit.getKey());
            if (at != null) {
                latencies[delivered++] = (at - commit.getValue()) * 1_000;
                lastDelivery = Math.max(lastDelivery, at);
            }
        }
        return new DeliveryRun(side.name(), run, messages, delivered, sink.duplicates(), side.rejectedJobs() - rejectedBefore, (lastDelivery - firstCommit) / 1e6,
                java.util.Arrays.copyOf(latencies, delivered), (double) work.statements() / messages,
                (double) work.commits() / messages);
    }
}
