package io.opsflow.fault;

import io.opsflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The rig: a fresh PostgreSQL database reached through a {@link DbProxy}, a {@link Sink} and the two
 * nodes A and B sharing the database. {@link #close()} kills both nodes, drops the database and stops
 * the proxy and sink, whatever state a test left them in.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN_PASSWORD = "fault-admin-" + UUID.randomUUID().toString().substring(0, 8);
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("opsflow.fault.startTimeoutSeconds", 300));

    final Node a;
    final Node b;
    final DbProxy proxy;
    final Sink sink;
    private final String database;
    private boolean closed;

    private Cluster(String database, DbProxy proxy, Sink sink, Node a, Node b) {
        this.database = database;
        this.proxy = proxy;
        this.sink = sink;
        this.a = a;
        this.b = b;
    }

    static Cluster start() throws IOException, SQLException {
        Path jar = packagedJar();
        String database = TestDatabase.createPostgresDatabase("opsflow_fault");
        DbProxy proxy = null;
        Sink sink = null;
        try {
            proxy = new DbProxy(env("OPSFLOW_TEST_PG_HOST", "127.0.0.1"), Integer.parseInt(env("OPSFLOW_TEST_PG_PORT", "5432")));
            sink = new Sink();
            Path logs = Path.of("target", "fault-logs");
            Map<String, String> environment = Map.of(
                    "SPRING_PROFILES_ACTIVE", "postgres",
                    "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                    "DATABASE_USERNAME", TestDatabase.postgresUser(),
                    "DATABASE_PASSWORD", TestDatabase.postgresPassword(),
                    "OPSFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "OPSFLOW_SECRET_KEY", "fault-suite-" + UUID.randomUUID(),
                    "OPSFLOW_DEMO", "false",
                    "OPSFLOW_MESSAGING_ALLOWED_PRIVATE_HOSTS", "127.0.0.1",
                    "OPSFLOW_SECRET_KEY_FILE", logs.toAbsolutePath().resolve("secret.key").toString());
            var cluster = new Cluster(database, proxy, sink,
                    new Node("nodeA", jar, logs, environment), new Node("nodeB", jar, logs, environment));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            cluster.a.start(Node.Settings.standard());
            cluster.b.start(Node.Settings.standard());
            var upA = CompletableFuture.runAsync(() -> cluster.a.awaitHealthy(START_TIMEOUT));
            var upB = CompletableFuture.runAsync(() -> cluster.b.awaitHealthy(START_TIMEOUT));
            try {
                upA.join();
                upB.join();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (RuntimeException | IOException e) {
            if (sink != null) {
                sink.close();
            }
            if (proxy != null) {
                proxy.close();
            }
            TestDatabase.dropPostgresDatabase(database);
            throw e;
        }
    }

    String database() {
        return database;
    }

    Rest admin(Node node) {
        return new Rest(node.url(), "admin", ADMIN_PASSWORD);
    }

    /** Brings a node back with the given settings if it is down or runs with other settings. */
    void ensure(Node node, Node.Settings settings) {
        if (node.alive() && settings.equals(node.settings()) && serving(node)) {
            return;
        }
        restart(node, settings);
    }

    /** Kills (if running) and starts the node again with the same lock owner; returns the start-up time. */
    Duration restart(Node node, Node.Settings settings) {
        if (node.alive()) {
            node.resume();
            node.terminate(Duration.ofSeconds(60));
        }
        node.start(settings);
        return node.awaitHealthy(START_TIMEOUT);
    }

    /** Whether the node answers an authenticated API call in time (a test that failed may have left it stuck). */
    boolean serving(Node node) {
        return admin(node).withTimeout(Duration.ofSeconds(10)).get("/api/v1/tasks").status() == 200;
    }

    void ensureStandard() {
        proxy.restore();
        ensure(a, Node.Settings.standard());
        ensure(b, Node.Settings.standard());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Node node : new Node[] {a, b}) {
            try {
                if (node.alive()) {
                    node.resume();
                }
            } catch (RuntimeException ignored) {
                // killed below anyway
            }
            node.kill9();
        }
        sink.close();
        proxy.close();
        TestDatabase.dropPostgresDatabase(database);
    }

    private static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("opsflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/opsflow-*.jar is missing: run ./mvnw -DskipTests package first"
                            + " (scripts/fault-suite.sh does)"))
                    .toAbsolutePath();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
