package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 10: SIGTERM A while it holds 20 slow delivery jobs (4 running, the rest queued), with a
 * 5-minute lock time so that only a released lock lets B continue before then.
 */
@Order(90)
@ExtendWith(FaultSuite.class)
class GracefulShutdownFaultTest {

    static final int JOBS = 20;

    @Test
    void sigtermFinishesOrReleasesTheRunningJobsAndBContinuesPromptly(Rig rig) {
        var cluster = rig.cluster;
        var longLocks = Node.Settings.standard().withLockTime(RestartSameOwnerFaultTest.LONG_LOCK);
        cluster.proxy.restore();
        cluster.ensure(cluster.b, Node.Settings.standard());
        cluster.ensure(cluster.a, longLocks);
        var sink = cluster.sink;
        sink.reset();
        long deadBefore = rig.deadLetters(cluster.b);
        sink.delay(Duration.ofSeconds(5));
        String template = rig.template("row10");
        rig.startHooks(cluster.a, template, JOBS);
        Await.until(Duration.ofSeconds(60), "A's first webhook calls", () -> !sink.hits().isEmpty());
        long lockedByA = rig.deliveryJobsLockedBy(cluster.a);

        Instant termAt = Instant.now();
        Duration exit = cluster.a.terminate(Duration.ofSeconds(90));
        long sentByA = rig.messages(cluster.b, template, "SENT");
        long stillLockedByA = rig.deliveryJobsLockedBy(cluster.a);
        Await.until(Duration.ofSeconds(180), "all messages SENT", () -> rig.messages(cluster.b, template, "SENT") == JOBS);
        Duration sinceTerm = Duration.between(termAt, Instant.now());

        Figures.record(10, "jobs locked by A at SIGTERM", lockedByA + " of " + JOBS);
        Figures.record(10, "SIGTERM to A exited", Figures.seconds(exit));
        Figures.record(10, "delivered by A before exit / locks A left", sentByA + " / " + stillLockedByA);
        Figures.record(10, "SIGTERM to all " + JOBS + " delivered (lock time 5 min)", Figures.seconds(sinceTerm));
        Figures.record(10, "sink calls / distinct keys applied / keys called twice", sink.hits().size() + " / " + sink.applied().size()
                + " / " + sink.duplicates().size());
        assertThat(stillLockedByA).isZero();
        assertThat(sinceTerm).isLessThan(Duration.ofSeconds(150));
        assertThat(sink.applied()).hasSize(JOBS);
        long newDeadLetters = rig.deadLetters(cluster.b) - deadBefore;
        Figures.record(10, "new dead-letter jobs", newDeadLetters + (newDeadLetters == 0 ? "" : " " + rig.deadLetterReasons(cluster.b)));
        assertThat(newDeadLetters).isZero();
    }
}
