package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 8: A runs with a 5-minute lock time, so neither B nor the reset of expired locks can take its
 * jobs for 5 minutes; after kill -9 and a restart with the same lock owner they must run at once.
 */
@Order(80)
@ExtendWith(FaultSuite.class)
class RestartSameOwnerFaultTest {

    static final Duration LONG_LOCK = Duration.ofMinutes(5);
    static final int INSTANCES = 10;

    @Test
    void aRestartedNodeReleasesItsOwnOldLocksAtStartAndTheJobsRunAtOnce(Rig rig) {
        var cluster = rig.cluster;
        var longLocks = Node.Settings.standard().withLockTime(LONG_LOCK);
        cluster.proxy.restore();
        cluster.ensure(cluster.b, Node.Settings.standard());
        cluster.ensure(cluster.a, longLocks);
        var sink = cluster.sink;
        sink.reset();
        long deadBefore = rig.deadLetters(cluster.b);
        sink.delay(Duration.ofSeconds(120));
        String template = rig.template("row8");
        rig.startHooks(cluster.a, template, INSTANCES);
        Await.until(Duration.ofSeconds(60), "A's first webhook calls", () -> !sink.hits().isEmpty());
        assertThat(rig.deliveryJobsLockedBy(cluster.a)).isEqualTo(INSTANCES);
        Instant killedAt = Instant.now();
        cluster.a.kill9();
        sink.delay(Duration.ZERO);

        cluster.a.start(longLocks);
        Duration startUp = cluster.a.awaitHealthy(Cluster.START_TIMEOUT);
        Instant upAt = Instant.now();
        Await.until(LONG_LOCK, "all messages SENT", () -> rig.messages(cluster.a, template, "SENT") == INSTANCES);
        Duration afterUp = Duration.between(upAt, Instant.now());
        Duration sinceKill = Duration.between(killedAt, Instant.now());

        Figures.record(8, "restart of A (same lock owner) to health UP", Figures.seconds(startUp));
        Figures.record(8, "A UP to all " + INSTANCES + " delivered (lock time 5 min)", Figures.seconds(afterUp));
        Figures.record(8, "kill -9 to all delivered", Figures.seconds(sinceKill));
        assertThat(afterUp).isLessThan(Duration.ofSeconds(60));
        assertThat(sinceKill).isLessThan(LONG_LOCK.minusSeconds(30));
        assertThat(sink.applied()).hasSize(INSTANCES);
        long newDeadLetters = rig.deadLetters(cluster.b) - deadBefore;
        Figures.record(8, "new dead-letter jobs", newDeadLetters + (newDeadLetters == 0 ? "" : " " + rig.deadLetterReasons(cluster.b)));
        assertThat(newDeadLetters).isZero();
    }
}
