package io.opsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * B4: drain async jobs (start, one async no-op service task, end) through the real Opsflow
 * application with its async executor on, against a bare Flowable engine with the same job
 * threads and settings in its own schema of the same PostgreSQL database; a plain variant and one
 * where every tenth instance fails twice before it succeeds (retry cycle R3/PT1S); then Opsflow
 * again with the global acquire lock on. Reports jobs per second, start-to-end latency, duplicate
 * executions and dead letters, with the start time and load average of each run; asserts nothing
 * about speed. {@code bench.jobs.locks/failing/reps/args/queue} choose the contexts, the variants,
 * interleaved plain repetitions and executor levers (see docs/benchmarks.md).
 */
class AsyncJobDrainBenchmark {

    private static final String BPMN = "bench/async-drain.bpmn20.xml";

    @Test
    void opsflowVersusBareFlowableDrainingAsyncJobs() throws Exception {
        BenchDatabase database = BenchDatabase.freshPostgres("jobs");
        String loadBefore = loadAverage();
        int jobs = BenchSettings.drainJobs();
        int threads = BenchSettings.drainThreads();
        int failEvery = BenchSettings.drainFailEvery();
        var timeout = Duration.ofSeconds(BenchSettings.drainTimeoutSeconds());
        int cores = Runtime.getRuntime().availableProcessors();
        var runs = new ResultTable("Async job drain on " + database.serverVersion() + " (" + threads + " client threads starting)",
                "run", "side", "jobs", "completed", "duplicate executions", "dead letters", "attempts", "jobs/s",
                "jobs/s per core", "p50 ms", "p95 ms", "p99 ms", "began (UTC)", "load before", "load after");
        BareJobEngine bare = null;
        String executorNote = "";
        int reps = BenchSettings.drainRepetitions();
        boolean failing = BenchSettings.drainFailing();
        int queueOverride = BenchSettings.drainQueue();
        try {
            for (boolean globalLock : BenchSettings.drainLocks()) {
                List<String> args = new ArrayList<>(List.of("--opsflow.engine.global-acquire-lock=" + globalLock));
                args.addAll(BenchSettings.drainArgs());
                try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, true,
                        queueOverride > 0 ? new JobQueueCapacity(queueOverride) : null, args.toArray(String[]::new))) {
                    ProcessEngine opsflow = context.getBean(ProcessEngine.class);
                    deploy(opsflow);
                    String opsflowSide = "Opsflow, global lock " + (globalLock ? "on" : "off");
                    if (bare == null) {
                        var settings = jobSettings(opsflow);
                        int jobThreads = context.getEnvironment().getProperty("opsflow.engine.job-threads", Integer.class, 8);
                        int queue = queueOverride > 0 ? queueOverride : jobThreads * 16;
                        int pool = OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context));
                        bare = new BareJobEngine(database, pool, settings, jobThreads, queue);
                        ProcessEngine bareSide = bare.engine();
                        executorNote = "Job executor on both sides: " + jobThreads + " threads, queue " + queue
                                + ", max async jobs per acquisition " + settings.getMaxAsyncJobsDuePerAcquisition() + ", acquire wait "
                                + settings.getDefaultAsyncJobAcquireWaitTime().toMillis() + " ms, timer acquire wait "
                                + settings.getDefaultTimerJobAcquireWaitTime().toMillis() + " ms, async lock time "
                                + settings.getAsyncJobLockTime() + "; connection pool " + pool + "; extra Opsflow arguments "
                                + BenchSettings.drainArgs() + ".";
                        add(runs, () -> DrainRun.measure("bare Flowable", bareSide, "warmup", BenchSettings.drainWarmup(), threads, 0, timeout),
                                cores);
                        add(runs, () -> DrainRun.measure(opsflowSide, opsflow, "warmup", BenchSettings.drainWarmup(), threads, 0, timeout),
                                cores);
                        // A/B/B/A...: Opsflow first in odd repetitions, bare first in even ones.
                        for (int rep = 1; rep <= reps; rep++) {
                            String run = reps == 1 ? "plain" : "plain " + rep;
                            boolean opsflowFirst = rep % 2 == 1;
                            for (int side = 0; side < 2; side++) {
                                if ((side == 0) == opsflowFirst) {
                                    add(runs, () -> DrainRun.measure(opsflowSide, opsflow, run, jobs, threads, 0, timeout), cores);
                                } else {
                                    add(runs, () -> DrainRun.measure("bare Flowable", bareSide, run, jobs, threads, 0, timeout), cores);
                                }
                            }
                        }
                        if (failing) {
                            add(runs, () -> DrainRun.measure("bare Flowable", bareSide, "10% fail twice", jobs, threads, failEvery, timeout),
                                    cores);
                        }
                    } else {
                        add(runs, () -> DrainRun.measure(opsflowSide, opsflow, "warmup", BenchSettings.drainWarmup(), threads, 0, timeout),
                                cores);
                        add(runs, () -> DrainRun.measure(opsflowSide, opsflow, "plain", jobs, threads, 0, timeout), cores);
                    }
                    if (failing) {
                        add(runs, () -> DrainRun.measure(opsflowSide, opsflow, "10% fail twice", jobs, threads, failEvery, timeout), cores);
                    }
                }
            }
        } finally {
            if (bare != null) {
                bare.close();
            }
            runs.note(executorNote);
            runs.note("Failing variant: every " + failEvery + "th instance throws on its first two attempts (retry cycle R3/PT1S)."
                    + " Attempts count every execution of the delegate including the failed ones.");
            runs.note("jobs/s = completed instances / (last end - first start) from history; latency = end - start per instance.");
            runs.note("Conditions: " + cores + " cores, Java " + System.getProperty("java.version") + ", load average (1/5/15 min) "
                    + loadBefore + " before and " + loadAverage() + " after.");
            runs.publish("async-jobs");
            database.dropIfCreated();
        }
    }

    /** The lever {@code bench.jobs.queue}: Opsflow's job pool with another queue capacity (set before the pool starts). */
    private record JobQueueCapacity(int capacity) implements BeanPostProcessor {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof ThreadPoolTaskExecutor pool && "processTaskExecutor".equals(beanName)) {
                pool.setQueueCapacity(capacity);
            }
            return bean;
        }
    }

    static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).name("bench-async-drain").deploy();
    }

    private static void add(ResultTable runs, Callable<DrainRun> measurement, int cores) throws Exception {
        String began = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = loadAverage();
        DrainRun run = measurement.call();
        String loadAfter = loadAverage();
        var p = Percentiles.of(run.latencies());
        runs.add(run.run(), run.side(), run.jobs(), run.completed(), run.duplicates(), run.deadLetters(), run.attempts(),
                run.perSecond(), run.perSecond() / cores, p.p50(), p.p95(), p.p99(), began, loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "%s %s %s: %d completed, %.1f jobs/s, load %s -> %s%n", began, run.run(), run.side(),
                run.completed(), run.perSecond(), loadBefore, loadAfter);
    }

    private static AsyncJobExecutorConfiguration jobSettings(ProcessEngine engine) {
        return ((AbstractAsyncExecutor) engine.getProcessEngineConfiguration().getAsyncExecutor()).getConfiguration();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
