package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 2: the two parallel tasks before a join completed at the same instant, one on A and one on B. */
@Order(50)
@ExtendWith(FaultSuite.class)
class ParallelJoinFaultTest {

    static final int ROUNDS = Integer.getInteger("opsflow.fault.joinRounds", 50);

    @Test
    void noInstanceIsStuckAtTheJoinAndALoserSucceedsOnRetry(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        var onA = cluster.admin(cluster.a);
        var onB = cluster.admin(cluster.b);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int retried = 0;
        try (var race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                String instance = rig.startProcess(cluster.b, "fault-join", Map.of("worker", "admin"));
                var tasks = rig.openTasks(cluster.a, instance);
                String left = "/api/v1/tasks/" + tasks.get("Task_Left") + "/form";
                String right = "/api/v1/tasks/" + tasks.get("Task_Right") + "/form";
                var responses = race.run(() -> onA.post(left, Map.of()), () -> onB.post(right, Map.of()));
                for (int i = 0; i < 2; i++) {
                    var response = responses.get(i);
                    outcomes.merge(String.valueOf(response.status()), 1, Integer::sum);
                    if (response.ok()) {
                        continue;
                    }
                    if (response.status() != 409) {
                        problems.add("round " + round + ": " + response.status() + " " + response.body());
                        continue;
                    }
                    retried++;
                    var retry = (i == 0 ? onA : onB).post(i == 0 ? left : right, Map.of());
                    if (!retry.ok()) {
                        problems.add("round " + round + ": retry after 409 answered " + retry.status());
                    }
                }
                var open = rig.openTasks(cluster.b, instance);
                if (!open.keySet().equals(java.util.Set.of("Task_After")) || open.get("Task_After").contains(",")) {
                    problems.add("round " + round + ": open tasks after the join " + open);
                }
            }
        }
        Figures.record(2, "join rounds / status counts / retries after 409", ROUNDS + " / " + outcomes + " / " + retried);
        assertThat(problems).isEmpty();
    }
}
