package io.opsflow.fault;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Fires two calls at the same instant (released by one latch) and returns both responses. */
final class Race implements AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    List<Rest.Response> run(Supplier<Rest.Response> first, Supplier<Rest.Response> second) {
        var go = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> await(go, first), pool);
        var two = CompletableFuture.supplyAsync(() -> await(go, second), pool);
        go.countDown();
        try {
            return List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("a racing call did not finish in 60 s: " + e, e);
        }
    }

    private static Rest.Response await(CountDownLatch go, Supplier<Rest.Response> call) {
        try {
            go.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
