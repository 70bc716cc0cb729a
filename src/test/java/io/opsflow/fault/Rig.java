package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The started cluster plus what every fault test needs on it: the test processes deployed, a
 * webhook channel pointing at the sink, and helpers to start instances and read results.
 */
final class Rig implements ExtensionContext.Store.CloseableResource {

    static final String CHANNEL = "fault-sink";
    private static final List<String> PROCESSES = List.of("fault-hook", "fault-two-steps", "fault-claim", "fault-join", "fault-timer",
            "fault-branches", "fault-branches-exclusive", "fault-drain");

    final Cluster cluster;

    private Rig(Cluster cluster) {
        this.cluster = cluster;
    }

    static Rig start() {
        Cluster cluster;
        try {
            cluster = Cluster.start();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the fault rig: " + e.getMessage(), e);
        }
        try {
            var rig = new Rig(cluster);
            rig.setUp();
            return rig;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void setUp() {
        var admin = cluster.admin(cluster.a);
        for (String process : PROCESSES) {
            String file = process + ".bpmn20.xml";
            var deployed = admin.postMultipart("/process-api/repository/deployments", file, resource("/fault/" + file));
            assertThat(deployed.status()).as("deploy %s: %s", file, deployed.body()).isEqualTo(201);
        }
        var channel = admin.post("/api/v1/messaging/channels", Map.of("name", CHANNEL, "type", "WEBHOOK",
                "settings", Map.of("url", cluster.sink.url(), "timeoutSeconds", "60"), "allowPrivateTargets", true));
        assertThat(channel.ok()).as("channel: %s", channel.body()).isTrue();
    }

    /** A new webhook template, so each test counts only its own messages. */
    String template(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = cluster.admin(cluster.a).post("/api/v1/messaging/templates", Map.of("code", code, "channelType", "WEBHOOK",
                "format", "TEXT", "subject", "fault", "body", "ping ${processInstanceId}", "messageType", "fault", "urgent", true));
        assertThat(created.ok()).as("template: %s", created.body()).isTrue();
        return code;
    }

    /** Starts one instance of the given process on the node as admin; returns its id. */
    String startProcess(Node node, String key, Map<String, Object> variables) {
        List<Map<String, Object>> vars = new ArrayList<>();
        variables.forEach((name, value) -> vars.add(Map.of("name", name, "value", value)));
        var started = cluster.admin(node).post("/process-api/runtime/process-instances",
                Map.of("processDefinitionKey", key, "variables", vars));
        assertThat(started.status()).as("start %s on %s: %s", key, node.name(), started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    String startHook(Node node, String template) {
        return startProcess(node, "fault-hook", Map.of("templateCode", template, "hookChannel", CHANNEL));
    }

    /** Starts n hook instances on the node, 4 at a time, so all their jobs are created within seconds. */
    List<String> startHooks(Node node, String template, int n) {
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                started.add(pool.submit(() -> startHook(node, template)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : started) {
                ids.add(f.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("starting " + n + " instances on " + node.name() + " failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Messages of a template in the given status, read through the node's send-log API. */
    long messages(Node node, String template, String status) {
        var page = cluster.admin(node).get("/api/v1/messaging/messages?size=1&template=" + template + "&status=" + status);
        if (!page.ok()) {
            throw new IllegalStateException("send log: " + page.status());
        }
        return page.json().path("total").asLong();
    }

    JsonNode messageOf(Node node, String processInstanceId) {
        var page = cluster.admin(node).get("/api/v1/messaging/messages?processInstanceId=" + processInstanceId);
        return page.json().path("items").path(0);
    }

    /** The open tasks of an instance as task definition key to task id, read through /process-api. */
    Map<String, String> openTasks(Node node, String processInstanceId) {
        var page = cluster.admin(node).get("/process-api/runtime/tasks?size=50&processInstanceId=" + processInstanceId);
        if (!page.ok()) {
            throw new IllegalStateException("task query: " + page.status());
        }
        Map<String, String> tasks = new java.util.TreeMap<>();
        page.json().path("data").forEach(task -> tasks.merge(task.path("taskDefinitionKey").asText(), task.path("id").asText(),
                (first, second) -> first + "," + second));
        return tasks;
    }

    /** Creates a user who can log in, member of the given group, through /process-api identity (admin). */
    void user(String id, String password, String group) {
        var admin = cluster.admin(cluster.a);
        var created = admin.post("/process-api/identity/users", Map.of("id", id, "firstName", "Fault", "lastName", id,
                "email", id + "@example.com", "password", password));
        assertThat(created.status()).as("user %s: %s", id, created.body()).isEqualTo(201);
        if (group != null) {
            var member = admin.post("/process-api/identity/groups/" + group + "/members", Map.of("userId", id));
            assertThat(member.status()).as("member %s: %s", id, member.body()).isEqualTo(201);
        }
    }

    /** Dead-letter jobs through /process-api (admin). */
    long deadLetters(Node node) {
        return cluster.admin(node).get("/process-api/management/deadletter-jobs?size=1").json().path("total").asLong();
    }

    /** The exception messages of the dead-letter jobs (up to 5), for the report. */
    String deadLetterReasons(Node node) {
        var page = cluster.admin(node).get("/process-api/management/deadletter-jobs?size=5");
        List<String> reasons = new ArrayList<>();
        page.json().path("data").forEach(job -> reasons.add(job.path("exceptionMessage").asText()));
        return reasons.toString();
    }

    /** One number straight from the database (not through the proxy), for checks the API does not show. */
    long count(String sql, Object... params) {
        try (var c = DriverManager.getConnection(TestDatabase.url(cluster.database()), TestDatabase.postgresUser(),
                        TestDatabase.postgresPassword());
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row counts grouped by the first column of the query (the second column is the count). */
    Map<String, Long> countsBy(String sql, Object... params) {
        try (var c = DriverManager.getConnection(TestDatabase.url(cluster.database()), TestDatabase.postgresUser(),
                        TestDatabase.postgresPassword());
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            Map<String, Long> counts = new java.util.TreeMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(String.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts n instances of the process, alternately on A and B, 4 at a time; returns how long it took. */
    java.time.Duration startOnBoth(String key, int n, Map<String, Object> variables, boolean onlyA) {
        var pool = Executors.newFixedThreadPool(4);
        long begin = System.nanoTime();
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Node node = onlyA || i % 2 == 0 ? cluster.a : cluster.b;
                started.add(pool.submit(() -> startProcess(node, key, variables)));
            }
            for (Future<String> f : started) {
                f.get(120, TimeUnit.SECONDS);
            }
            return java.time.Duration.ofNanos(System.nanoTime() - begin);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("starting " + n + " instances of " + key + " failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Delivery jobs currently locked by the node. */
    long deliveryJobsLockedBy(Node node) {
        return count("select count(*) from act_ru_job where handler_type_ = 'opsflow-message-delivery' and lock_owner_ = ?", node.name());
    }

    private static byte[] resource(String path) {
        try (InputStream in = Rig.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
