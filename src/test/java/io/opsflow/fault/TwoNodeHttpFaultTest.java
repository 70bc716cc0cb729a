package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * B11 (HTTP part): the B2 workload over {@code /process-api} — start a two-step process, find its
 * task, complete it, find the next, complete it — from a pool of clients, first every call to A,
 * then round-robin over A and B (a load balancer without sticky sessions). Reports items per second,
 * call latencies and the calls each node answered; asserts every call succeeded and every item ended.
 */
@Order(96)
@ExtendWith(FaultSuite.class)
class TwoNodeHttpFaultTest {

    static final int ITEMS = Integer.getInteger("opsflow.fault.httpItems", 400);
    private static final int CLIENTS = Integer.getInteger("opsflow.fault.httpClients", 8);

    @Test
    void oneNodeThenRoundRobinOverTwoNodes(Rig rig) {
        rig.cluster.ensureStandard();
        var one = run(rig, "one", List.of(rig.cluster.a));
        var two = run(rig, "two", List.of(rig.cluster.a, rig.cluster.b));
        Figures.record(0, "B11 HTTP one node: items / took / items per s / call p50 / p99 / calls by node", one.toString());
        Figures.record(0, "B11 HTTP two nodes: items / took / items per s / call p50 / p99 / calls by node", two.toString());
        Figures.record(0, "B11 HTTP two nodes / one node", String.format(Locale.ROOT, "%.2f", two.itemsPerSecond() / one.itemsPerSecond()));
        for (String round : List.of("one", "two")) {
            assertThat(rig.count("select count(*) from act_hi_procinst where business_key_ like ? and end_time_ is not null",
                    "http-" + round + "-%")).as("items of round %s that ended", round).isEqualTo(ITEMS);
        }
    }

    private static Round run(Rig rig, String round, List<Node> nodes) {
        var turn = new AtomicInteger();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> byNode = new ConcurrentHashMap<>();
        var caller = new Caller(rig, nodes, turn, micros, byNode);
        var pool = Executors.newFixedThreadPool(CLIENTS);
        long begin = System.nanoTime();
        try {
            List<Future<?>> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                String businessKey = "http-" + round + "-" + i;
                items.add(pool.submit(() -> caller.workItem(businessKey)));
            }
            for (Future<?> item : items) {
                item.get(300, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("round " + round + " failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        var took = Duration.ofNanos(System.nanoTime() - begin);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        Map<String, Long> calls = new TreeMap<>();
        byNode.forEach((node, count) -> calls.put(node, count.get()));
        return new Round(ITEMS, took, percentile(sorted, 50), percentile(sorted, 99), calls);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** One client's calls: every call goes to the next node in turn and must succeed. */
    private record Caller(Rig rig, List<Node> nodes, AtomicInteger turn, List<Long> micros, Map<String, AtomicLong> byNode) {

        void workItem(String businessKey) {
            var started = call(rest -> rest.post("/process-api/runtime/process-instances", Map.of("processDefinitionKey",
                    "fault-two-steps", "businessKey", businessKey, "variables", List.of(Map.of("name", "worker", "value", "admin")))));
            String instance = started.json().path("id").asText();
            for (int step = 0; step < 2; step++) {
                var tasks = call(rest -> rest.get("/process-api/runtime/tasks?processInstanceId=" + instance));
                assertThat(tasks.json().path("data")).as("open task of %s", businessKey).hasSize(1);
                String task = tasks.json().path("data").path(0).path("id").asText();
                call(rest -> rest.post("/process-api/runtime/tasks/" + task, Map.of("action", "complete")));
            }
        }

        private Rest.Response call(java.util.function.Function<Rest, Rest.Response> request) {
            Node node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
            var response = request.apply(rig.cluster.admin(node));
            assertThat(response.ok()).as("%s answered %d: %s", node.name(), response.status(), response.body()).isTrue();
            micros.add(response.took().toNanos() / 1000);
            byNode.computeIfAbsent(node.name(), name -> new AtomicLong()).incrementAndGet();
            return response;
        }
    }

    record Round(int items, Duration took, double p50Millis, double p99Millis, Map<String, Long> callsByNode) {
        double itemsPerSecond() {
            return items * 1000.0 / Math.max(1, took.toMillis());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d / %s / %.1f / %.1f ms / %.1f ms / %s", items, Figures.seconds(took),
                    itemsPerSecond(), p50Millis, p99Millis, callsByNode);
        }
    }
}
