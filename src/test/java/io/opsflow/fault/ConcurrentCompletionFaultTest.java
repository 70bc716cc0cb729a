package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 1: one task completed at the same instant on A and on B, alternately through /api/v1 and
 * /process-api: exactly one success, the other 409 or 404, never 500; the process advances once.
 */
@Order(30)
@ExtendWith(FaultSuite.class)
class ConcurrentCompletionFaultTest {

    static final int ROUNDS = Integer.getInteger("opsflow.fault.completionRounds", 100);

    @Test
    void exactlyOneOfTwoSimultaneousCompletionsWinsAndTheOtherIsAConflict(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        var onA = cluster.admin(cluster.a);
        var onB = cluster.admin(cluster.b);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (var race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                String instance = rig.startProcess(round % 2 == 0 ? cluster.a : cluster.b, "fault-two-steps", Map.of("worker", "admin"));
                String task = rig.openTasks(cluster.a, instance).get("Task_First");
                boolean viaProcessApi = round % 2 == 1;
                String path = viaProcessApi ? "/process-api/runtime/tasks/" + task : "/api/v1/tasks/" + task + "/form";
                Object body = viaProcessApi ? Map.of("action", "complete") : Map.of();
                var responses = race.run(() -> onA.post(path, body), () -> onB.post(path, body));
                int wins = 0;
                for (var response : responses) {
                    outcomes.merge((viaProcessApi ? "process-api " : "api/v1 ") + response.status(), 1, Integer::sum);
                    if (response.ok()) {
                        wins++;
                    } else if (response.status() != 409 && response.status() != 404) {
                        problems.add("round " + round + ": " + response.status() + " " + response.body());
                    }
                }
                if (wins != 1) {
                    problems.add("round " + round + ": " + wins + " successes");
                }
                var open = rig.openTasks(cluster.b, instance);
                if (open.size() != 1 || !open.containsKey("Task_Second") || open.get("Task_Second").contains(",")) {
                    problems.add("round " + round + ": open tasks after the race " + open.keySet() + " " + open.values());
                }
            }
        }
        Figures.record(1, "rounds / status counts", ROUNDS + " / " + outcomes);
        Figures.record(1, "rounds with a problem", String.valueOf(problems.size()));
        assertThat(problems).isEmpty();
    }
}
