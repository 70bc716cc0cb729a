package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 5: instances with five async branches joining at a parallel gateway, started on both nodes.
 * The non-exclusive branches run at the same time and meet at the join; the exclusive variant is
 * measured alongside for comparison. Failed job attempts are seen by polling the job tables.
 */
@Order(55)
@ExtendWith(FaultSuite.class)
class ParallelBranchesFaultTest {

    static final int INSTANCES = Integer.getInteger("opsflow.fault.branchInstances", 50);
    private static final Duration SETTLE = Duration.ofSeconds(240);
    private static final String FAILED_JOBS = "select j.id_ || ' ' || coalesce(substr(j.exception_msg_, 1, 120), ''), 1 from ("
            + " select id_, exception_msg_, proc_def_id_ from act_ru_job"
            + " union all select id_, exception_msg_, proc_def_id_ from act_ru_timer_job"
            + " union all select id_, exception_msg_, proc_def_id_ from act_ru_deadletter_job) j"
            + " join act_re_procdef d on d.id_ = j.proc_def_id_ where d.key_ = ? and j.exception_msg_ is not null";

    @Test
    void allInstancesCompleteWithoutDeadLetters(Rig rig) {
        rig.cluster.ensureStandard();
        var nonExclusive = run(rig, "fault-branches");
        var exclusive = run(rig, "fault-branches-exclusive");
        Figures.record(5, "non-exclusive: instances / completed / dead letters / failed attempts / took / reasons", nonExclusive.toString());
        Figures.record(5, "exclusive: instances / completed / dead letters / failed attempts / took / reasons", exclusive.toString());
        assertThat(nonExclusive.completed()).isEqualTo(INSTANCES);
        assertThat(nonExclusive.deadLetters()).isZero();
    }

    private static Outcome run(Rig rig, String key) {
        Set<String> failedAttempts = new TreeSet<>();
        long begin = System.nanoTime();
        rig.startOnBoth(key, INSTANCES, Map.of(), false);
        try {
            Await.until(SETTLE, INSTANCES + " instances of " + key + " ended or dead-lettered", () -> {
                failedAttempts.addAll(rig.countsBy(FAILED_JOBS, key).keySet());
                return completed(rig, key) + deadLetters(rig, key) >= INSTANCES;
            });
        } catch (AssertionError timedOut) {
            // reported below through the counts
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        Map<String, Integer> reasons = new TreeMap<>();
        failedAttempts.forEach(attempt -> reasons.merge(attempt.substring(attempt.indexOf(' ') + 1)
                .replaceAll("\\[[^\\]]*\\]", "[…]").replaceAll("'[^']*$", "'…"), 1, Integer::sum));
        return new Outcome(INSTANCES, completed(rig, key), deadLetters(rig, key), failedAttempts.size(), Figures.seconds(took), reasons);
    }

    private static long completed(Rig rig, String key) {
        return rig.count("select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_"
                + " where d.key_ = ? and p.end_time_ is not null", key);
    }

    private static long deadLetters(Rig rig, String key) {
        return rig.count("select count(*) from act_ru_deadletter_job j join act_re_procdef d on d.id_ = j.proc_def_id_"
                + " where d.key_ = ?", key);
    }

    record Outcome(int instances, long completed, long deadLetters, int failedAttempts, String took, Map<String, Integer> reasons) {
        @Override
        public String toString() {
            return instances + " / " + completed + " / " + deadLetters + " / " + failedAttempts + " / " + took + " / " + reasons;
        }
    }
}
