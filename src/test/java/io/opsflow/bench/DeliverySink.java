package io.opsflow.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local webhook receiver of the messaging benchmark (JDK HttpServer on 127.0.0.1, 8 handler
 * threads): answers every POST with 200 and records the first arrival time of each
 * {@code Idempotency-Key}; a key that arrives again counts as a duplicate.
 */
final class DeliverySink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstArrivalMicros = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger withoutKey = new AtomicInteger();

    DeliverySink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long arrival = WallClock.nowMicros();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null) {
                withoutKey.incrementAndGet();
            } else if (firstArrivalMicros.putIfAbsent(key, arrival) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Forgets everything received so far; called before each measured run. */
    void reset() {
        firstArrivalMicros.clear();
        duplicates.set(0);
        withoutKey.set(0);
    }

    Long arrivalMicros(String idempotencyKey) {
        return firstArrivalMicros.get(idempotencyKey);
    }

    /** First arrival per key, a copy. */
    Map<String, Long> arrivals() {
        return Map.copyOf(firstArrivalMicros);
    }

    /** Repeated keys plus posts without any key: both mean a message was not delivered exactly once. */
    int duplicates() {
        return duplicates.get() + withoutKey.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
