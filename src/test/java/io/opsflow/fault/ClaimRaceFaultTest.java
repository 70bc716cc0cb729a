package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 3 (claim race): two staff members claim one group task at the same instant on A and on B. */
@Order(40)
@ExtendWith(FaultSuite.class)
class ClaimRaceFaultTest {

    static final int ROUNDS = Integer.getInteger("opsflow.fault.claimRounds", 50);

    @Test
    void oneClaimWinsAndTheOtherGetsAConflict(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        String password = "Fault-pass-" + suffix + "-9x";
        rig.user(alice, password, "staff");
        rig.user(bob, password, "staff");
        var aliceOnA = new Rest(cluster.a.url(), alice, password);
        var bobOnB = new Rest(cluster.b.url(), bob, password);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (var race = new Race()) {
            for (int round = 0; round < ROUNDS; round++) {
                String instance = rig.startProcess(cluster.a, "fault-claim", Map.of("team", "staff"));
                String task = rig.openTasks(cluster.b, instance).get("Task_Pick");
                String path = "/api/v1/tasks/" + task + "/claim";
                var responses = race.run(() -> aliceOnA.post(path, null), () -> bobOnB.post(path, null));
                responses.forEach(r -> outcomes.merge(String.valueOf(r.status()), 1, Integer::sum));
                long wins = responses.stream().filter(Rest.Response::ok).count();
                long conflicts = responses.stream().filter(r -> r.status() == 409).count();
                if (wins != 1 || conflicts != 1) {
                    problems.add("round " + round + ": " + responses.get(0).status() + " and " + responses.get(1).status());
                }
                String winner = responses.get(0).ok() ? alice : bob;
                String assignee = cluster.admin(cluster.a).get("/process-api/runtime/tasks/" + task).json().path("assignee").asText();
                if (!winner.equals(assignee)) {
                    problems.add("round " + round + ": winner " + winner + " but assignee " + assignee);
                }
            }
        }
        Figures.record(3, "claim rounds / status counts", ROUNDS + " / " + outcomes);
        assertThat(problems).isEmpty();
    }
}
