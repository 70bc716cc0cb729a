package io.opsflow.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The webhook receiver of the fault suite: records every call with its {@code Idempotency-Key} and
 * arrival time, applies each key once (like a well-behaved receiver) and can hold its answer for a
 * while to make a delivery slow.
 */
final class Sink implements AutoCloseable {

    /** One call as it arrived. */
    record Hit(String key, Instant at, String body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;
    private final Object released = new Object();
    private long generation;

    Sink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Calls arriving from now on are answered after this delay (the hit is recorded at once). */
    void delay(Duration newDelay) {
        delay = newDelay;
    }

    /** Forgets all calls and answers every call still held back at once, so one test cannot slow the next. */
    void reset() {
        hits.clear();
        applied.clear();
        delay = Duration.ZERO;
        synchronized (released) {
            generation++;
            released.notifyAll();
        }
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<Hit> hitsOf(String key) {
        return hits.stream().filter(h -> key.equals(h.key())).toList();
    }

    /** Keys applied (each at most once). */
    Set<String> applied() {
        return Set.copyOf(applied);
    }

    /** Keys that arrived more than once, with their number of calls. */
    Map<String, Long> duplicates() {
        return hits.stream().collect(Collectors.groupingBy(Hit::key, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long arrivedIn;
        synchronized (released) {
            arrivedIn = generation;
        }
        hits.add(new Hit(key, Instant.now(), body));
        Duration wait = delay;
        try {
            hold(wait);
            synchronized (released) {
                // A call held back across a reset belongs to an earlier test: answered, not counted.
                if (arrivedIn == generation) {
                    applied.add(key);
                }
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException callerGone) {
            // The node that called may have died meanwhile; the hit is recorded anyway.
        } finally {
            exchange.close();
        }
    }

    private void hold(Duration wait) throws InterruptedException {
        long until = System.currentTimeMillis() + wait.toMillis();
        synchronized (released) {
            long started = generation;
            long left;
            while (generation == started && (left = until - System.currentTimeMillis()) > 0) {
                released.wait(left);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
