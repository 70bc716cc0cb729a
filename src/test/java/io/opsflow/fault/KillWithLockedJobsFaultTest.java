package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 7: many delivery jobs locked by A (a few in flight, the rest queued in A), then kill -9 A. */
@Order(20)
@ExtendWith(FaultSuite.class)
class KillWithLockedJobsFaultTest {

    static final int INSTANCES = Integer.getInteger("opsflow.fault.lockedJobs", 50);

    @Test
    void everyJobLockedByAKilledNodeFinishesOnB(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        var sink = cluster.sink;
        sink.reset();
        // A's calls never get an answer before it dies; its other jobs wait in its queue, locked by it.
        sink.delay(Duration.ofSeconds(120));
        String template = rig.template("row7");
        rig.startHooks(cluster.a, template, INSTANCES);
        Await.until(Duration.ofSeconds(60), "A's first webhook calls", () -> !sink.hits().isEmpty());
        long lockedByA = rig.deliveryJobsLockedBy(cluster.a);
        assertThat(rig.messages(cluster.b, template, "SENT")).isZero();
        Instant killedAt = Instant.now();
        cluster.a.kill9();
        sink.delay(Duration.ZERO);

        Duration allSent = Await.until(Duration.ofSeconds(180), "all messages SENT by B",
                () -> rig.messages(cluster.b, template, "SENT") == INSTANCES);
        Duration sinceKill = Duration.between(killedAt, Instant.now());

        Figures.record(7, "jobs locked by A at the kill", lockedByA + " of " + INSTANCES);
        Figures.record(7, "kill -9 to all delivered by B", Figures.seconds(sinceKill));
        Figures.record(7, "sink calls / distinct keys applied", sink.hits().size() + " / " + sink.applied().size());
        assertThat(lockedByA).isEqualTo(INSTANCES);
        assertThat(allSent).isPositive();
        assertThat(sink.applied()).hasSize(INSTANCES);
        assertThat(rig.count("select count(*) from act_ru_job where handler_type_ = 'opsflow-message-delivery'")).isZero();
        assertThat(rig.deadLetters(cluster.b)).isZero();
    }
}
