package io.opsflow.bench;

import io.opsflow.support.RejectedJobCounter;
import java.util.List;
import java.util.Map;

/**
 * One side of the messaging comparison. Message {@code i} of a run is in-app when {@code i} is even
 * and a webhook to the {@link DeliverySink} when it is odd.
 */
interface MessagingSide {

    String name();

    CountingDataSource dataSource();

    /** Jobs the side's executor turned away so far (queue full), see {@link RejectedJobCounter}. */
    int rejectedJobs();

    /** Creates what a run needs before its first message (Opsflow: a fresh template pair). */
    void prepare(String run);

    /** Queues messages {@code from} (inclusive) to {@code to} (exclusive) in one transaction; returns their ids after it committed. */
    List<String> queue(String run, int from, int to);

    /** True when every message of the run has reached a final state and no delivery job is left. */
    boolean settled(String run, int messages);

    /** Delivery time (wall clock, microseconds) of each delivered message of the run, by message id. */
    Map<String, Long> deliveries(String run, DeliverySink sink);
}
