package io.opsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;

/**
 * The measured unit: start {@code bench-two-tasks}, complete its first task, complete its second
 * task, as a client of the engine's Java API would (look each task up by instance, then complete it).
 * Closed loop: each of {@code threads} workers starts the next instance when its last one ended.
 */
final class TwoTaskWorkload {

    static final String PROCESS_KEY = "bench-two-tasks";
    static final String BPMN = "bench/two-user-tasks.bpmn20.xml";

    private TwoTaskWorkload() {}

    static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name(PROCESS_KEY).addClasspathResource(BPMN).deploy();
    }

    static Run run(EngineUnderTest side, int instances, int threads) throws Exception {
        var before = side.dataSource().snapshot();
        long[] latencies = new long[instances];
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    Authentication.setAuthenticatedUserId("bench-requester");
                    try {
                        for (int i = next.getAndIncrement(); i < instances; i = next.getAndIncrement()) {
                            latencies[i] = oneInstance(side.engine());
                        }
                    } finally {
                        Authentication.setAuthenticatedUserId(null);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        long wall = System.nanoTime() - start;
        var work = side.dataSource().snapshot().minus(before);
        return new Run(side.name(), instances, wall, latencies, work);
    }

    private static long oneInstance(ProcessEngine engine) {
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        long start = System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of("priority", 50)).getId();
        for (int step = 0; step < 2; step++) {
            tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return System.nanoTime() - start;
    }

    /** One repetition of one side. */
    record Run(String side, int instances, long wallNanos, long[] latencies, CountingDataSource.DatabaseWork work) {

        double perSecond() {
            return instances / (wallNanos / 1e9);
        }

        double statementsPerInstance() {
            return (double) work.statements() / instances;
        }

        double commitsPerInstance() {
            return (double) work.commits() / instances;
        }
    }
}
