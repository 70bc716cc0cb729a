package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 26 (lockout part): wrong passwords split across A and B lock the account on both nodes. */
@Order(60)
@ExtendWith(FaultSuite.class)
class LoginLockoutFaultTest {

    @Test
    void fiveWrongPasswordsSpreadOverBothNodesLockTheAccountEverywhere(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        String user = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Fault-pass-" + user + "-9x";
        rig.user(user, password, "staff");
        var rightOnA = new Rest(cluster.a.url(), user, password);
        var rightOnB = new Rest(cluster.b.url(), user, password);
        // Both nodes now hold the password in their per-node login cache.
        assertThat(rightOnA.get("/api/v1/tasks").status()).isEqualTo(200);
        assertThat(rightOnB.get("/api/v1/tasks").status()).isEqualTo(200);

        Map<Integer, Integer> wrongAnswers = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            var node = i % 2 == 0 ? cluster.a : cluster.b;
            wrongAnswers.merge(new Rest(node.url(), user, "wrong-" + i).get("/api/v1/tasks").status(), 1, Integer::sum);
        }
        int afterFiveOnA = rightOnA.get("/api/v1/tasks").status();
        int afterFiveOnB = rightOnB.get("/api/v1/tasks").status();
        for (int i = 5; i < 20; i++) {
            var node = i % 2 == 0 ? cluster.a : cluster.b;
            wrongAnswers.merge(new Rest(node.url(), user, "wrong-" + i).get("/api/v1/tasks").status(), 1, Integer::sum);
        }
        int afterTwentyOnA = rightOnA.get("/api/v1/tasks").status();
        int afterTwentyOnB = rightOnB.get("/api/v1/tasks").status();

        Figures.record(26, "20 wrong passwords (10 on A and 10 on B): statuses", wrongAnswers.toString());
        Figures.record(26, "right password after 5 wrong (3 on A and 2 on B): A / B", afterFiveOnA + " / " + afterFiveOnB);
        assertThat(wrongAnswers.keySet()).containsOnly(401);
        assertThat(afterFiveOnA).isEqualTo(401);
        assertThat(afterFiveOnB).isEqualTo(401);
        assertThat(afterTwentyOnA).isEqualTo(401);
        assertThat(afterTwentyOnB).isEqualTo(401);
    }
}
