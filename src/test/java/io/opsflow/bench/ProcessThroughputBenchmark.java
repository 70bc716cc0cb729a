package io.opsflow.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * B1/B10-style in-process comparison: the real Opsflow application context against a bare Flowable
 * engine, same JVM, same fresh database, same BPMN ({@link TwoTaskWorkload}), interleaved repetitions
 * (A/B, then B/A, …) after a warm-up. H2 at the first thread count, PostgreSQL over the thread sweep.
 * Prints and writes the tables to {@code target/bench/}; asserts nothing about speed.
 */
class ProcessThroughputBenchmark {

    @Test
    void opsflowVersusBareFlowableOnH2() throws Exception {
        compare(BenchDatabase.freshH2("throughput"), List.of(BenchSettings.threadSweep().get(0)), "throughput-h2");
    }

    @Test
    void opsflowVersusBareFlowableOnPostgres() throws Exception {
        compare(BenchDatabase.freshPostgres("throughput"), BenchSettings.threadSweep(), "throughput-postgres");
    }

    private static void compare(BenchDatabase database, List<Integer> threadCounts, String file) throws Exception {
        String version = database.serverVersion();
        var calibration = new ResultTable("B0 calibration on " + version + " (plain JDBC, "
                + BenchSettings.calibrationSeconds() + " s each)", "threads", "1-row insert transactions/s");
        var runs = new ResultTable("Every repetition on " + version + " (N = " + BenchSettings.instances()
                        + " instances per repetition and side)",
                "threads", "rep", "side", "instances/s", "p50 ms", "p95 ms", "p99 ms", "statements/instance", "commits/instance");
        var summary = new ResultTable("Opsflow vs bare Flowable on " + version
                        + " (start → user task → user task → end; latency = start + 2 look-ups + 2 completes)",
                "threads", "bare inst/s", "Opsflow inst/s", "ratio Opsflow÷bare mean (min–max)",
                "bare p50/p95/p99 ms", "Opsflow p50/p95/p99 ms", "statements/inst bare→Opsflow",
                "Opsflow commits/s (% of B0)");
        Map<Integer, Double> b0 = new HashMap<>();
        try (EngineUnderTest opsflow = OpsflowApplicationContext.start(database);
                EngineUnderTest bare = BareFlowable.start(database, OpsflowApplicationContext.poolSize(opsflow))) {
            for (int threads : List.of(1, 4)) {
                double rate = JdbcCalibration.oneRowInsertsPerSecond(database, threads, BenchSettings.calibrationSeconds());
                b0.put(threads, rate);
                calibration.add(threads, rate);
            }
            TwoTaskWorkload.deploy(opsflow.engine());
            TwoTaskWorkload.deploy(bare.engine());
            for (int threads : threadCounts) {
                TwoTaskWorkload.run(opsflow, BenchSettings.warmupInstances(), threads);
                TwoTaskWorkload.run(bare, BenchSettings.warmupInstances(), threads);
                List<TwoTaskWorkload.Run> ofOpsflow = new ArrayList<>();
                List<TwoTaskWorkload.Run> ofBare = new ArrayList<>();
                for (int rep = 1; rep <= BenchSettings.repetitions(); rep++) {
                    var order = rep % 2 == 1 ? List.of(opsflow, bare) : List.of(bare, opsflow);
                    for (EngineUnderTest side : order) {
                        var run = TwoTaskWorkload.run(side, BenchSettings.instances(), threads);
                        (side == opsflow ? ofOpsflow : ofBare).add(run);
                        var p = Percentiles.of(run.latencies());
                        runs.add(threads, rep, run.side(), run.perSecond(), p.p50(), p.p95(), p.p99(),
                                run.statementsPerInstance(), run.commitsPerInstance());
                    }
                    System.out.printf("%s, %d thread(s), repetition %d done%n", version, threads, rep);
                }
                summarise(summary, threads, ofOpsflow, ofBare, b0.get(threads));
            }
        } finally {
            summary.note("Conditions: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", warm-up " + BenchSettings.warmupInstances()
                    + " instances per side and thread count, " + BenchSettings.repetitions()
                    + " repetitions; other builds may have been running on the machine (see docs/benchmarks.md).");
            var all = new StringBuilder(summary.markdown()).append(calibration.markdown()).append(runs.markdown());
            summary.publish(file + "-summary");
            calibration.publish(file + "-b0");
            runs.publish(file + "-runs");
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench", file + ".md"), all);
            database.dropIfCreated();
        }
    }

    private static void summarise(ResultTable summary, int threads, List<TwoTaskWorkload.Run> opsflow,
            List<TwoTaskWorkload.Run> bare, Double b0Rate) {
        double[] ratios = new double[opsflow.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = opsflow.get(i).perSecond() / bare.get(i).perSecond();
        }
        double mean = java.util.Arrays.stream(ratios).average().orElse(Double.NaN);
        double min = java.util.Arrays.stream(ratios).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(ratios).max().orElse(Double.NaN);
        double opsflowRate = median(opsflow.stream().mapToDouble(TwoTaskWorkload.Run::perSecond).toArray());
        double commitsPerSecond = opsflowRate * opsflow.get(0).commitsPerInstance();
        summary.add(threads,
                median(bare.stream().mapToDouble(TwoTaskWorkload.Run::perSecond).toArray()),
                opsflowRate,
                String.format(java.util.Locale.ROOT, "%.3f (%.3f–%.3f)", mean, min, max),
                latencies(bare),
                latencies(opsflow),
                String.format(java.util.Locale.ROOT, "%.1f → %.1f", bare.get(0).statementsPerInstance(),
                        opsflow.get(0).statementsPerInstance()),
                b0Rate == null
                        ? String.format(java.util.Locale.ROOT, "%.0f", commitsPerSecond)
                        : String.format(java.util.Locale.ROOT, "%.0f (%.1f%%)", commitsPerSecond, 100 * commitsPerSecond / b0Rate));
    }

    /** Percentiles over all repetitions' instances together. */
    private static String latencies(List<TwoTaskWorkload.Run> runs) {
        long[] all = runs.stream().flatMapToLong(run -> java.util.Arrays.stream(run.latencies())).toArray();
        var p = Percentiles.of(all);
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f", p.p50(), p.p95(), p.p99());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
