package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 14: the database disappears (all connections cut, new ones refused by the proxy) for a minute
 * while both nodes get light traffic; calls must fail fast with 503, and both nodes recover alone
 * with no job lost.
 */
@Order(70)
@ExtendWith(FaultSuite.class)
class DatabaseOutageFaultTest {

    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("opsflow.fault.outageSeconds", 60));
    static final Duration FAST = Duration.ofSeconds(5);

    @Test
    void callsFailFastDuringTheOutageAndBothNodesRecoverWithoutRestartOrLostJobs(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        cluster.sink.reset();
        String template = rig.template("row14");
        long pidA = cluster.a.pid();
        long pidB = cluster.b.pid();
        List<String> started = new ArrayList<>(rig.startHooks(cluster.a, template, 5));
        started.addAll(rig.startHooks(cluster.b, template, 5));

        cluster.proxy.cut();
        Instant cutAt = Instant.now();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> slowOrBad = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        int calls = 0;
        while (Duration.between(cutAt, Instant.now()).compareTo(OUTAGE) < 0) {
            for (Node node : List.of(cluster.a, cluster.b)) {
                var admin = cluster.admin(node).withTimeout(Duration.ofSeconds(20));
                for (var response : List.of(admin.get("/api/v1/tasks"),
                        admin.post("/process-api/runtime/process-instances", Map.of("processDefinitionKey", "fault-hook", "variables",
                                List.of(Map.of("name", "templateCode", "value", template), Map.of("name", "hookChannel", "value", Rig.CHANNEL)))))) {
                    calls++;
                    statuses.merge(node.name() + " " + response.status(), 1, Integer::sum);
                    slowest = response.took().compareTo(slowest) > 0 ? response.took() : slowest;
                    if (response.status() == 201) {
                        started.add(response.json().path("id").asText());
                    }
                    if (response.took().compareTo(FAST) > 0 || response.body().contains("Exception") || response.body().contains("\tat ")) {
                        slowOrBad.add(node.name() + " " + response.status() + " in " + Figures.seconds(response.took()));
                    }
                }
            }
            Await.sleep(Duration.ofSeconds(1));
        }
        var healthDuring = cluster.admin(cluster.a).withTimeout(Duration.ofSeconds(20)).get("/actuator/health");
        cluster.proxy.restore();
        Instant restoredAt = Instant.now();
        Duration recovered = Await.until(Duration.ofSeconds(120), "both nodes healthy and serving again", () ->
                cluster.admin(cluster.a).get("/api/v1/tasks").ok() && cluster.admin(cluster.b).get("/api/v1/tasks").ok()
                        && cluster.admin(cluster.a).get("/actuator/health").ok() && cluster.admin(cluster.b).get("/actuator/health").ok());
        started.addAll(rig.startHooks(cluster.a, template, 3));
        started.addAll(rig.startHooks(cluster.b, template, 3));
        int expected = started.size();
        Duration drained = Await.until(Duration.ofSeconds(180), "every started instance's message SENT",
                () -> rig.messages(cluster.a, template, "SENT") == expected);

        Figures.record(14, "outage length / calls during it", Figures.seconds(OUTAGE) + " / " + calls);
        Figures.record(14, "statuses during the outage", statuses.toString());
        Figures.record(14, "slowest answer during the outage", Figures.seconds(slowest));
        Figures.record(14, "health during the outage", healthDuring.status() + " " + healthDuring.json().path("status").asText());
        Figures.record(14, "restore to both nodes serving", Figures.seconds(recovered));
        Figures.record(14, "instances started / messages SENT after recovery", expected + " / " + rig.messages(cluster.a, template, "SENT")
                + " (drained " + Figures.seconds(drained) + " after recovery)");
        assertThat(cluster.a.pid()).as("A not restarted").isEqualTo(pidA);
        assertThat(cluster.b.pid()).as("B not restarted").isEqualTo(pidB);
        assertThat(Duration.between(restoredAt, Instant.now())).isPositive();
        assertThat(slowOrBad).as("answers slower than 5 s or with internals").isEmpty();
        assertThat(rig.deadLetters(cluster.a)).isZero();
        assertThat(statuses.keySet()).as("every call during the outage answers 503").allMatch(s -> s.endsWith(" 503"));
    }
}
