package io.opsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B4: drain async jobs (start, one async no-op service task, end) through the real Opsflow
 * application with its async executor on, against a bare Flowable engine with the same job
 * threads and settings in its own schema of the same PostgreSQL database; a plain variant and one
 * where every tenth instance fails twice before it succeeds (retry cycle R3/PT1S); then Opsflow
 * again with the global acquire lock on. Reports jobs per second, start-to-end latency, duplicate
 * executions and dead letters; asserts nothing about speed.
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
                "jobs/s per core", "p50 ms", "p95 ms", "p99 ms");
        BareJobEngine bare = null;
        String executorNote = "";
        try {
            for (boolean globalLock : List.of(false, true)) {
                try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, true,
                        "--opsflow.engine.global-acquire-lock=" + globalLock)) {
                    ProcessEngine opsflow = context.getBean(ProcessEngine.class);
                    deploy(opsflow);
                    String opsflowSide = "Opsflow, global lock " + (globalLock ? "on" : "off");
                    if (bare == null) {
                        var settings = jobSettings(opsflow);
                        int jobThreads = context.getEnvironment().getProperty("opsflow.engine.job-threads", Integer.class, 8);
                        int pool = OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context));
                        bare = new BareJobEngine(database, pool, settings, jobThreads);
                        executorNote = "Job executor on both sides: " + jobThreads + " threads, queue " + jobThreads * 16
                                + ", max async jobs per acquisition " + settings.getMaxAsyncJobsDuePerAcquisition() + ", acquire wait "
                                + settings.getDefaultAsyncJobAcquireWaitTime().toMillis() + " ms, timer acquire wait "
                                + settings.getDefaultTimerJobAcquireWaitTime().toMillis() + " ms, async lock time "
                                + settings.getAsyncJobLockTime() + "; connection pool " + pool + ".";
                        add(runs, DrainRun.measure("bare Flowable", bare.engine(), "warmup", BenchSettings.drainWarmup(), threads, 0, timeout),
                                cores);
                    }
                    add(runs, DrainRun.measure(opsflowSide, opsflow, "warmup", BenchSettings.drainWarmup(), threads, 0, timeout), cores);
                    add(runs, DrainRun.measure(opsflowSide, opsflow, "plain", jobs, threads, 0, timeout), cores);
                    if (!globalLock) {
                        add(runs, DrainRun.measure("bare Flowable", bare.engine(), "plain", jobs, threads, 0, timeout), cores);
                        add(runs, DrainRun.measure("bare Flowable", bare.engine(), "10% fail twice", jobs, threads, failEvery, timeout),
                                cores);
                    }
                    add(runs, DrainRun.measure(opsflowSide, opsflow, "10% fail twice", jobs, threads, failEvery, timeout), cores);
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

    static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).name("bench-async-drain").deploy();
    }

    private static void add(ResultTable runs, DrainRun run, int cores) {
        var p = Percentiles.of(run.latencies());
        runs.add(run.run(), run.side(), run.jobs(), run.completed(), run.duplicates(), run.deadLetters(), run.attempts(),
                run.perSecond(), run.perSecond() / cores, p.p50(), p.p95(), p.p99());
        System.out.printf(Locale.ROOT, "%s %s: %d completed, %.1f jobs/s%n", run.run(), run.side(), run.completed(), run.perSecond());
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
