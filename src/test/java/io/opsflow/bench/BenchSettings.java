package io.opsflow.bench;

import java.util.Arrays;
import java.util.List;

/** The knobs of a benchmark run, read from {@code -Dbench.*} system properties. */
final class BenchSettings {

    private BenchSettings() {}

    /** Instances per repetition and side. */
    static int instances() {
        return Integer.getInteger("bench.n", 2000);
    }

    static int warmupInstances() {
        return Integer.getInteger("bench.warmup", 500);
    }

    static int repetitions() {
        return Integer.getInteger("bench.reps", 3);
    }

    /** Thread counts of the PostgreSQL sweep; the first one is also the H2 run's. */
    static List<Integer> threadSweep() {
        return Arrays.stream(System.getProperty("bench.threads", "1,2,4").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    static int calibrationSeconds() {
        return Integer.getInteger("bench.calibration.seconds", 5);
    }

    static int openTasks() {
        return Integer.getInteger("bench.tasklist.tasks", 100_000);
    }

    static int queryIterations() {
        return Integer.getInteger("bench.tasklist.iterations", 400);
    }

    /** An already seeded database to reuse for the task-list benchmark (skips seeding). */
    static String reuseTaskListDatabase() {
        return System.getProperty("bench.tasklist.database", "");
    }

    /** Keep the databases afterwards, e.g. to run scripts/bench-tasklist-page.sh against them. */
    static boolean keepDatabases() {
        return Boolean.getBoolean("bench.keepDatabase");
    }

    /** Messages in the headline run of each side of the messaging benchmark. */
    static int messages() {
        return Integer.getInteger("bench.messages", 10_000);
    }

    /** Messages per side in each of the shorter interleaved repetitions after the headline run. */
    static int messagesPerRepetition() {
        return Integer.getInteger("bench.messages.rep", 1000);
    }

    static int messageRepetitions() {
        return Integer.getInteger("bench.messages.reps", 3);
    }

    static int messageWarmup() {
        return Integer.getInteger("bench.messages.warmup", 500);
    }

    /** Client threads queueing messages. */
    static int messageThreads() {
        return Integer.getInteger("bench.messages.threads", 4);
    }

    /** Messages per queueing transaction. */
    static int messageBatch() {
        return Integer.getInteger("bench.messages.batch", 10);
    }

    /** How long a run may take to deliver everything before the rest counts as not delivered. */
    static int messageTimeoutSeconds() {
        return Integer.getInteger("bench.messages.timeout", 300);
    }

    /** Messages per side in each paced messaging run (both sides offered the same rate). */
    static int pacedMessages() {
        return Integer.getInteger("bench.messages.paced.n", 600);
    }

    static int pacedRepetitions() {
        return Integer.getInteger("bench.messages.paced.reps", 2);
    }

    /** Messages per second all client threads together offer in a paced run. */
    static double pacedRate() {
        return Double.parseDouble(System.getProperty("bench.messages.paced.rate", "60"));
    }

    /** Async jobs per drain run in the async-job benchmark (the B4 target size is 100,000). */
    static int drainJobs() {
        return Integer.getInteger("bench.jobs", 20_000);
    }

    static int drainWarmup() {
        return Integer.getInteger("bench.jobs.warmup", 500);
    }

    /** Client threads starting instances in a drain run. */
    static int drainThreads() {
        return Integer.getInteger("bench.jobs.threads", 4);
    }

    /** Every n-th instance of the failing variant fails twice before it succeeds (10 = 10%). */
    static int drainFailEvery() {
        return Integer.getInteger("bench.jobs.failEvery", 10);
    }

    static int drainTimeoutSeconds() {
        return Integer.getInteger("bench.jobs.timeout", 600);
    }

    /** Global acquire lock settings to run Opsflow with, one context each, in order ({@code false,true}). */
    static List<Boolean> drainLocks() {
        return Arrays.stream(System.getProperty("bench.jobs.locks", "false,true").split(","))
                .map(String::trim)
                .map(Boolean::valueOf)
                .toList();
    }

    /** Whether the drain benchmark also runs its 10%-fail-twice variant. */
    static boolean drainFailing() {
        return Boolean.parseBoolean(System.getProperty("bench.jobs.failing", "true"));
    }

    /** Plain drain runs per side in the first context, interleaved Opsflow, bare, bare, Opsflow, ... (A/B/B/A). */
    static int drainRepetitions() {
        return Integer.getInteger("bench.jobs.reps", 1);
    }

    /**
     * Extra Opsflow arguments for the drain benchmark, separated by blanks (e.g.
     * {@code --flowable.process.async.executor.default-async-job-acquire-wait-time=PT1S}); the bare side copies the
     * resulting job executor settings and thread count.
     */
    static List<String> drainArgs() {
        String args = System.getProperty("bench.jobs.args", "").trim();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    /** Job queue capacity on both sides of the drain benchmark; 0 = Opsflow's own (16 per job thread). */
    static int drainQueue() {
        return Integer.getInteger("bench.jobs.queue", 0);
    }
}
