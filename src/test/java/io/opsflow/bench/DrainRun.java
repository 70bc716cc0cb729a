package io.opsflow.bench;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;

/**
 * One drain: client threads start {@code jobs} instances of the one-async-job process as fast as
 * they can (each start commits one job, so a backlog builds up), then wait until the executor has
 * run them all. Every {@code failEvery}-th instance fails twice before it succeeds (0 = none).
 */
record DrainRun(String run, String side, int jobs, int completed, long duplicates, long deadLetters, long attempts,
        double perSecond, long[] latencies) {

    static final String PROCESS = "bench-async-drain";

    static DrainRun measure(String side, ProcessEngine engine, String run, int jobs, int threads, int failEvery, Duration timeout)
            throws Exception {
        DrainProbe.reset();
        long deadLettersBefore = engine.getManagementService().createDeadLetterJobQuery().count();
        // startedAfter() compares timestamps: begin only once the clock is past the previous run's last start.
        Date previousStart = latestStart(engine);
        Awaitility.await("clock past the previous run's last start").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> previousStart == null || new Date().after(previousStart));
        Date begin = new Date();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                started.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                        Map<String, Object> variables = failEvery > 0 && i % failEvery == 0 ? Map.of("failTimes", 2) : Map.of();
                        engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
                    }
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get(timeout.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        BenchWait.until(timeout, Duration.ofMillis(200), () -> engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).count() <= deadLetters(engine, deadLettersBefore));
        List<HistoricProcessInstance> finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).startedAfter(begin).finished().listPage(0, jobs * 2);
        long[] latencies = new long[finished.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < latencies.length; i++) {
            var instance = finished.get(i);
            latencies[i] = (instance.getEndTime().getTime() - instance.getStartTime().getTime()) * 1_000_000L;
            first = Math.min(first, instance.getStartTime().getTime());
            last = Math.max(last, instance.getEndTime().getTime());
        }
        double perSecond = latencies.length == 0 ? 0 : latencies.length * 1000.0 / Math.max(1, last - first);
        return new DrainRun(run, side, jobs, finished.size(), DrainProbe.duplicates(), deadLetters(engine, deadLettersBefore),
                DrainProbe.attempts(), perSecond, latencies);
    }

    private static long deadLetters(ProcessEngine engine, long before) {
        return engine.getManagementService().createDeadLetterJobQuery().count() - before;
    }

    private static Date latestStart(ProcessEngine engine) {
        List<HistoricProcessInstance> latest = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).orderByProcessInstanceStartTime().desc().listPage(0, 1);
        return latest.isEmpty() ? null : latest.get(0).getStartTime();
    }
}
