package io.opsflow.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Opsflow node as a child JVM running the packaged jar: started with a fixed lock owner (its
 * name), killed with SIGKILL, stopped with SIGTERM, paused with SIGSTOP and resumed with SIGCONT.
 */
final class Node {

    /** The settings a node is started with; the lock time is the engine's async job and timer lock time. */
    record Settings(Duration lockTime, Duration resetInterval, int jobThreads) {
        static Settings standard() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(5), 4);
        }

        Settings withLockTime(Duration newLockTime) {
            return new Settings(newLockTime, resetInterval, jobThreads);
        }
    }

    /**
     * A delivery in flight holds two connections (the job's and the send log's own transaction) for the
     * whole webhook call, so 4 job threads need 8; the rest serves requests.
     */
    static final int POOL_SIZE = 12;

    private final String name;
    private final Path jar;
    private final Path logDirectory;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private Settings settings;
    private int starts;

    Node(String name, Path jar, Path logDirectory, Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.logDirectory = logDirectory;
        this.environment = environment;
        this.port = freePort();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Settings settings() {
        return settings;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Starts the JVM (same lock owner every time); call {@link #awaitHealthy} to wait for it. */
    void start(Settings newSettings) {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        settings = newSettings;
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:ActiveProcessorCount=1", "-Xmx400m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--opsflow.engine.job-lock-time=" + newSettings.lockTime(),
                "--opsflow.engine.reset-expired-jobs-interval=" + newSettings.resetInterval(),
                "--opsflow.engine.job-threads=" + newSettings.jobThreads(),
                "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.jmx.enabled=false"));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("OPSFLOW_NODE_ID", name);
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(logDirectory);
            builder.redirectOutput(logDirectory.resolve(name + (starts == 0 ? "" : "-" + starts) + ".log").toFile());
            starts++;
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** Waits until /actuator/health answers UP; fails if the JVM exits first or the timeout passes. */
    Duration awaitHealthy(Duration timeout) {
        var health = new Rest(url(), null, null).withTimeout(Duration.ofSeconds(5));
        return Await.until(timeout, name + " health UP", () -> {
            if (!alive()) {
                throw new AssertionError(name + " exited during start-up with code " + process.exitValue());
            }
            var response = health.get("/actuator/health");
            return response.status() == 200 && "UP".equals(response.json().path("status").asText());
        });
    }

    /** SIGKILL: the JVM dies at once, holding whatever job locks it had. */
    void kill9() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(20));
        }
    }

    /** SIGTERM: graceful shutdown; returns how long the JVM took to exit (killed after the timeout). */
    Duration terminate(Duration timeout) {
        long start = System.nanoTime();
        process.destroy();
        if (!waitForExit(timeout)) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(20));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
