package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * B11 (async part): a backlog of instances waiting for one signal is released by a single async
 * signal call on A, one job per instance; first with B stopped, then with both nodes. Each job
 * records the node that ran it ({@code nodeIdentity}) as a variable. Reports only; the assertions
 * check that every job ran exactly once.
 */
@Order(95)
@ExtendWith(FaultSuite.class)
class TwoNodeDrainFaultTest {

    static final int JOBS = Integer.getInteger("opsflow.fault.drainJobs", 5000);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(Long.getLong("opsflow.fault.drainTimeoutSeconds", 1500));
    private static final Duration DRAIN_STALL = Duration.ofSeconds(120);
    private static final String OF_ROUND = "select proc_inst_id_ from act_hi_varinst where name_ = 'round' and text_ = ?";

    @Test
    void oneNodeThenTwoNodesDrainTheSameBacklog(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        cluster.b.terminate(Duration.ofSeconds(60));
        var one = drain(rig, "one", true);
        cluster.ensureStandard();
        var two = drain(rig, "two", false);
        Figures.record(0, "B11 one node: jobs / started in / drained in / jobs per s / by node", one.toString());
        Figures.record(0, "B11 two nodes: jobs / started in / drained in / jobs per s / by node", two.toString());
        Figures.record(0, "B11 two nodes / one node", String.format(Locale.ROOT, "%.2f", two.jobsPerSecond() / one.jobsPerSecond()));
        assertThat(one.byNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(JOBS);
        assertThat(two.byNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(JOBS);
    }

    private static Round drain(Rig rig, String round, boolean onlyA) {
        Duration started = rig.startOnBoth("fault-drain", JOBS, Map.of("round", round), onlyA);
        Await.until(Duration.ofSeconds(120), JOBS + " instances waiting for the signal",
                () -> rig.count("select count(*) from act_ru_event_subscr where event_name_ = 'faultDrainGo'") >= JOBS);
        long begin = System.currentTimeMillis();
        var signal = rig.cluster.admin(rig.cluster.a).withTimeout(Duration.ofSeconds(300))
                .post("/process-api/runtime/signals", Map.of("signalName", "faultDrainGo", "async", true));
        // It once answered 409 after its commit (the hand-off of refused jobs, see RejectedJobRelease).
        assertThat(signal.status()).as("signal: %s", signal.body()).isEqualTo(202);
        Figures.record(0, "B11 round " + round + ": async signal call answered", String.valueOf(signal.status()));
        // As long as jobs keep finishing: the speed depends on the shared machine's load (run 8: 420 s were not enough at load 22).
        Await.untilReached(JOBS, DRAIN_STALL, DRAIN_TIMEOUT, JOBS + " jobs of round " + round, () -> rig.count(
                "select count(*) from act_hi_procinst where end_time_ is not null and id_ in (" + OF_ROUND + ")", round));
        long end = rig.count("select (extract(epoch from max(end_time_)) * 1000)::bigint from act_hi_procinst where id_ in ("
                + OF_ROUND + ")", round);
        var byNode = rig.countsBy("select text_, count(*) from act_hi_varinst where name_ = 'drainedBy' and proc_inst_id_ in ("
                + OF_ROUND + ") group by text_", round);
        return new Round(JOBS, started, Duration.ofMillis(end - begin), byNode);
    }

    record Round(int jobs, Duration started, Duration drained, Map<String, Long> byNode) {
        double jobsPerSecond() {
            return jobs * 1000.0 / Math.max(1, drained.toMillis());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d / %s / %s / %.1f / %s", jobs, Figures.seconds(started), Figures.seconds(drained),
                    jobsPerSecond(), byNode);
        }
    }
}
