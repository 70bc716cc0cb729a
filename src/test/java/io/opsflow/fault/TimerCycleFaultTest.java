package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 11: instances with an R3/PT20S timer cycle on both nodes; every firing reaches the sink exactly once. */
@Order(75)
@ExtendWith(FaultSuite.class)
class TimerCycleFaultTest {

    static final int INSTANCES = Integer.getInteger("opsflow.fault.timerInstances", 200);

    @Test
    void everyTimerFiringHappensExactlyOnce(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        var sink = cluster.sink;
        sink.reset();
        String template = rig.template("row11");
        int expected = INSTANCES * 3;
        for (int i = 0; i < INSTANCES; i++) {
            rig.startProcess(i % 2 == 0 ? cluster.a : cluster.b, "fault-timer",
                    Map.of("worker", "admin", "templateCode", template, "hookChannel", Rig.CHANNEL));
        }
        Duration all = Await.until(Duration.ofSeconds(300), expected + " sink hits", () -> sink.hits().size() >= expected);
        // Anything firing twice would show up shortly after the last expected hit.
        Await.sleep(Duration.ofSeconds(15));

        long timersLeft = rig.count("select count(*) from act_ru_timer_job t join act_re_procdef d on t.proc_def_id_ = d.id_"
                + " where d.key_ = 'fault-timer'");
        Figures.record(11, "instances / expected firings", INSTANCES + " / " + expected);
        Figures.record(11, "sink hits / distinct keys / duplicates", sink.hits().size() + " / " + sink.applied().size() + " / "
                + sink.duplicates().size());
        Figures.record(11, "start of the first instance to the last hit", Figures.seconds(all));
        assertThat(sink.hits()).hasSize(expected);
        assertThat(sink.duplicates()).isEmpty();
        assertThat(rig.messages(cluster.a, template, "SENT")).isEqualTo(expected);
        assertThat(timersLeft).isZero();
        assertThat(rig.deadLetters(cluster.a)).isZero();
    }
}
