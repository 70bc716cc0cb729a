package io.opsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's messaging benchmark: queue messages (half in-app, half webhook to a local receiver) from
 * client threads in batched transactions into the real Opsflow application with its async executor
 * on, and measure delivered messages per second from the first commit to the last delivery, the
 * commit-to-delivery latency, duplicates at the receiver and messages never delivered. A bare
 * Flowable engine drains the same number of async jobs doing the raw work in the same run on the same
 * PostgreSQL database: a headline run of {@code bench.messages} per side, then shorter repetitions
 * interleaved B/A, A/B …, then paced runs where both sides are offered the same rate (so the latency
 * compares like with like when neither executor is overrun). Prints and writes the tables to {@code target/bench/}; asserts nothing about speed.
 */
class MessageDeliveryBenchmark {

    @Test
    void opsflowVersusBareFlowableOnPostgres() throws Exception {
        BenchDatabase database = BenchDatabase.freshPostgres("messaging");
        String loadBefore = loadAverage();
        int threads = BenchSettings.messageThreads();
        int batch = BenchSettings.messageBatch();
        var timeout = Duration.ofSeconds(BenchSettings.messageTimeoutSeconds());
        var runs = new ResultTable("Every run on " + database.serverVersion() + " (" + threads + " client threads, "
                        + batch + " messages per queueing transaction)",
                "run", "side", "messages", "delivered", "not delivered", "duplicates", "messages/s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "jobs rejected", "statements/msg", "commits/msg");
        var summary = new ResultTable("Message delivery: Opsflow vs bare Flowable on " + database.serverVersion(),
                "run", "messages per side", "bare msg/s", "Opsflow msg/s", "ratio Opsflow÷bare", "bare p50 / p95 / p99 ms",
                "Opsflow p50 / p95 / p99 ms", "duplicates bare / Opsflow", "not delivered bare / Opsflow",
                "jobs rejected bare / Opsflow", "statements/msg bare → Opsflow",
                "commits/msg bare → Opsflow");
        List<Double> ratios = new ArrayList<>();
        try (DeliverySink sink = new DeliverySink();
                var context = OpsflowApplicationContext.run(database, true,
                        "--opsflow.messaging.allowed-private-hosts=127.0.0.1",
                        "--opsflow.messaging.secret-key-file=target/bench/opsflow-secret.key");
                BareMessaging bare = new BareMessaging(database, poolSize(context), jobSettings(context), jobThreads(context), sink)) {
            double b0 = JdbcCalibration.oneRowInsertsPerSecond(database, 1, BenchSettings.calibrationSeconds());
            var opsflow = new OpsflowMessaging(context, database, sink);
            for (MessagingSide side : List.of(opsflow, bare)) {
                record(runs, DeliveryRun.measure(side, sink, "warmup", BenchSettings.messageWarmup(), threads, batch, 0, timeout));
            }
            var opsflowHeadline = DeliveryRun.measure(opsflow, sink, "headline", BenchSettings.messages(), threads, batch, 0, timeout);
            record(runs, opsflowHeadline);
            var bareHeadline = DeliveryRun.measure(bare, sink, "headline", BenchSettings.messages(), threads, batch, 0, timeout);
            record(runs, bareHeadline);
            summarise(summary, "headline", opsflowHeadline, bareHeadline);
            summary.note(String.format(Locale.ROOT, "B0 (plain JDBC 1-row insert transactions, 1 thread): %.0f/s; Opsflow's headline"
                            + " run committed %.0f/s (%.1f%% of it).", b0, opsflowHeadline.perSecond() * opsflowHeadline.commitsPerMessage(),
                    100 * opsflowHeadline.perSecond() * opsflowHeadline.commitsPerMessage() / b0));
            for (int rep = 1; rep <= BenchSettings.messageRepetitions(); rep++) {
                var order = rep % 2 == 1 ? List.<MessagingSide>of(bare, opsflow) : List.<MessagingSide>of(opsflow, bare);
                DeliveryRun ofOpsflow = null;
                DeliveryRun ofBare = null;
                for (MessagingSide side : order) {
                    var run = DeliveryRun.measure(side, sink, "rep" + rep, BenchSettings.messagesPerRepetition(), threads, batch, 0, timeout);
                    record(runs, run);
                    if (side == opsflow) {
                        ofOpsflow = run;
                    } else {
                        ofBare = run;
                    }
                }
                ratios.add(summarise(summary, "repetition " + rep + (rep % 2 == 1 ? " (bare first)" : " (Opsflow first)"),
                        ofOpsflow, ofBare));
                System.out.printf("messaging repetition %d done%n", rep);
            }
            for (int rep = 1; rep <= BenchSettings.pacedRepetitions(); rep++) {
                var order = rep % 2 == 1 ? List.<MessagingSide>of(opsflow, bare) : List.<MessagingSide>of(bare, opsflow);
                DeliveryRun ofOpsflow = null;
                DeliveryRun ofBare = null;
                for (MessagingSide side : order) {
                    var run = DeliveryRun.measure(side, sink, "paced" + rep, BenchSettings.pacedMessages(), threads, batch,
                            BenchSettings.pacedRate(), timeout);
                    record(runs, run);
                    if (side == opsflow) {
                        ofOpsflow = run;
                    } else {
                        ofBare = run;
                    }
                }
                summarise(summary, String.format(Locale.ROOT, "paced %d at %.0f msg/s offered", rep, BenchSettings.pacedRate()),
                        ofOpsflow, ofBare);
            }
            var jobs = jobSettings(context);
            summary.note("Job executor on both sides: " + jobThreads(context) + " threads, queue " + jobThreads(context) * 16
                    + ", max async jobs per acquisition " + jobs.getMaxAsyncJobsDuePerAcquisition() + ", acquire wait "
                    + jobs.getDefaultAsyncJobAcquireWaitTime().toMillis() + " ms, queue-full wait "
                    + jobs.getDefaultQueueSizeFullWaitTime().toMillis() + " ms, async lock time " + jobs.getAsyncJobLockTime()
                    + ", global acquire lock " + jobs.isGlobalAcquireLockEnabled() + "; connection pool " + poolSize(context) + ".");
        } finally {
            if (!ratios.isEmpty()) {
                double geoMean = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
                summary.note(String.format(Locale.ROOT, "Repetitions: ratio geometric mean %.3f, range %.3f–%.3f.", geoMean,
                        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
            }
            summary.note("Conditions: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + ", load average (1/5/15 min) " + loadBefore + " before and " + loadAverage() + " after.");
            var all = new StringBuilder(summary.markdown()).append(runs.markdown());
            summary.publish("messaging-summary");
            runs.publish("messaging-runs");
            Files.writeString(Path.of("target", "bench", "messaging.md"), all);
            database.dropIfCreated();
        }
    }

    private static void record(ResultTable runs, DeliveryRun run) {
        var p = Percentiles.of(run.latencies());
        double max = Arrays.stream(run.latencies()).max().orElse(0) / 1e6;
        runs.add(run.run(), run.side(), run.messages(), run.delivered(), run.notDelivered(), run.duplicates(), run.perSecond(),
                p.p50(), p.p95(), p.p99(), max, run.rejectedJobs(), run.statementsPerMessage(), run.commitsPerMessage());
        System.out.printf(Locale.ROOT, "%s %s: %d delivered, %.1f messages/s%n", run.run(), run.side(), run.delivered(), run.perSecond());
    }

    private static double summarise(ResultTable summary, String label, DeliveryRun opsflow, DeliveryRun bare) {
        double ratio = opsflow.perSecond() / bare.perSecond();
        summary.add(label, opsflow.messages(), bare.perSecond(), opsflow.perSecond(), String.format(Locale.ROOT, "%.3f", ratio),
                latencies(bare), latencies(opsflow), bare.duplicates() + " / " + opsflow.duplicates(),
                bare.notDelivered() + " / " + opsflow.notDelivered(),
                bare.rejectedJobs() + " / " + opsflow.rejectedJobs(),
                String.format(Locale.ROOT, "%.1f → %.1f", bare.statementsPerMessage(), opsflow.statementsPerMessage()),
                String.format(Locale.ROOT, "%.2f → %.2f", bare.commitsPerMessage(), opsflow.commitsPerMessage()));
        return ratio;
    }

    private static String latencies(DeliveryRun run) {
        var p = Percentiles.of(run.latencies());
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", p.p50(), p.p95(), p.p99());
    }

    private static AsyncJobExecutorConfiguration jobSettings(org.springframework.context.ApplicationContext context) {
        var executor = context.getBean(ProcessEngine.class).getProcessEngineConfiguration().getAsyncExecutor();
        return ((AbstractAsyncExecutor) executor).getConfiguration();
    }

    private static int jobThreads(org.springframework.context.ApplicationContext context) {
        return context.getEnvironment().getProperty("opsflow.engine.job-threads", Integer.class, 8);
    }

    private static int poolSize(org.springframework.context.ConfigurableApplicationContext context) {
        return OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context));
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
