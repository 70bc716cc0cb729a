package io.opsflow.bench;

import io.opsflow.platform.Groups;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.process.WorkOrderProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.IdentityService;
import org.flowable.engine.TaskService;
import org.flowable.idm.api.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end work orders per second through the whole shipped {@code work-order} process in the real
 * Opsflow application — create from a template and assign (scorer over 10 candidates), notify, do the
 * work as the assignee, submit, notify the supervisors, accept, archive — against the bare-engine
 * baseline of {@link ProcessThroughputBenchmark} (bare Flowable, {@link TwoTaskWorkload}: start → two
 * user tasks → end) on the same PostgreSQL database, same JVM, interleaved A/B, B/A, …
 * Prints and writes the tables to {@code target/bench/}; asserts nothing about speed.
 */
class WorkOrderThroughputBenchmark {

    private static final int N = Integer.getInteger("bench.wo.n", 300);
    private static final int WARMUP = Integer.getInteger("bench.wo.warmup", 100);
    private static final int REPS = Integer.getInteger("bench.wo.reps", 3);
    private static final List<Integer> THREADS = BenchSettings.threadSweep().stream().filter(t -> t <= 4).toList();
    private static final String SKILL = "bench-电工";
    private static final String TEMPLATE = "bench-light-repair";
    private static final String SUPERVISOR = "bench-supervisor";

    @Test
    void workOrdersPerSecondVersusBareFlowableOnPostgres() throws Exception {
        BenchDatabase database = BenchDatabase.freshPostgres("workorder");
        String version = database.serverVersion();
        var runs = new ResultTable("Every repetition on " + version + " (N = " + N + " per repetition and side)",
                "threads", "rep", "side", "per s", "p50 ms", "p95 ms", "p99 ms", "statements/instance", "commits/instance");
        var summary = new ResultTable("Whole work-order process (Opsflow) vs the bare two-task baseline (bare Flowable) on " + version,
                "threads", "bare inst/s", "Opsflow work orders/s", "ratio Opsflow÷bare mean (min–max)", "bare p50/p99 ms",
                "Opsflow p50/p99 ms", "statements/inst bare → Opsflow");
        try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, false);
                EngineUnderTest bare = BareFlowable.start(database, OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context)))) {
            EngineUnderTest opsflow = OpsflowApplicationContext.asEngine(context);
            prepare(context);
            TwoTaskWorkload.deploy(bare.engine());
            WorkOrderProcess process = context.getBean(WorkOrderProcess.class);
            TaskService tasks = context.getBean(TaskService.class);
            for (int threads : THREADS) {
                runWorkOrders(opsflow, process, tasks, WARMUP, threads);
                TwoTaskWorkload.run(bare, WARMUP, threads);
                List<TwoTaskWorkload.Run> ofOpsflow = new ArrayList<>();
                List<TwoTaskWorkload.Run> ofBare = new ArrayList<>();
                for (int rep = 1; rep <= REPS; rep++) {
                    for (boolean opsflowSide : rep % 2 == 1 ? List.of(true, false) : List.of(false, true)) {
                        var run = opsflowSide ? runWorkOrders(opsflow, process, tasks, N, threads) : TwoTaskWorkload.run(bare, N, threads);
                        (opsflowSide ? ofOpsflow : ofBare).add(run);
                        var p = Percentiles.of(run.latencies());
                        runs.add(threads, rep, opsflowSide ? "Opsflow work-order" : "bare two-task", run.perSecond(), p.p50(), p.p95(),
                                p.p99(), run.statementsPerInstance(), run.commitsPerInstance());
                    }
                    System.out.printf("work-order throughput, %d thread(s), repetition %d done%n", threads, rep);
                }
                summarise(summary, threads, ofOpsflow, ofBare);
            }
        } finally {
            summary.note("Opsflow: WorkOrderProcess.createFromTemplate (store + start + scorer + notify), the assignee completes "
                    + "Task_PerformWork (checklistDone), WorkOrderProcess.decide accepts (archive, end); latency per order = the three calls "
                    + "plus one task look-up. Bare: start + 2 look-ups + 2 completes. Async executor off on both (queued notification jobs "
                    + "stay queued). Warm-up " + WARMUP + " per side and thread count, " + REPS + " repetitions. "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ".");
            var all = new StringBuilder(summary.markdown()).append(runs.markdown());
            summary.publish("workorder-throughput-summary");
            runs.publish("workorder-throughput-runs");
            Files.writeString(Path.of("target", "bench", "workorder-throughput.md"), all);
            database.dropIfCreated();
        }
    }

    /** Ten electricians (the B1 scoring step ranks ten candidates), a supervisor and the template. */
    private static void prepare(ConfigurableApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        UserSkills skills = context.getBean(UserSkills.class);
        for (int i = 0; i < 10; i++) {
            String id = "bench-electrician-" + i;
            User user = identity.newUser(id);
            user.setFirstName("Electrician " + i);
            user.setEmail(id + "@example.com");
            identity.saveUser(user);
            identity.createMembership(id, Groups.STAFF);
            skills.replace(id, List.of(SKILL));
        }
        User supervisor = identity.newUser(SUPERVISOR);
        supervisor.setFirstName("Supervisor");
        identity.saveUser(supervisor);
        identity.createMembership(SUPERVISOR, Groups.SUPERVISOR);
        context.getBean(EmergencyTemplates.class).create(new EmergencyTemplate(TEMPLATE, "灯具维修", List.of(SKILL), List.of("断电", "更换灯具", "通电测试")));
    }

    private static TwoTaskWorkload.Run runWorkOrders(EngineUnderTest side, WorkOrderProcess process, TaskService tasks, int orders,
            int threads) throws Exception {
        var before = side.dataSource().snapshot();
        long[] latencies = new long[orders];
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        latencies[i] = oneOrder(process, tasks);
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
        return new TwoTaskWorkload.Run("Opsflow work-order", orders, wall, latencies, side.dataSource().snapshot().minus(before));
    }

    private static long oneOrder(WorkOrderProcess process, TaskService tasks) {
        long t0 = System.nanoTime();
        WorkOrder order = process.createFromTemplate(TEMPLATE, null, "A区 3号楼", 50, Instant.now().plus(Duration.ofHours(4)), SUPERVISOR);
        var perform = tasks.createTaskQuery().processInstanceId(order.processInstanceId()).singleResult();
        Authentication.setAuthenticatedUserId(order.assignee());
        try {
            tasks.complete(perform.getId(), Map.of("checklistDone", true, "workNotes", "done"));
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
        WorkOrder archived = process.decide(order, true, "ok", SUPERVISOR);
        long elapsed = System.nanoTime() - t0;
        if (archived.status() != WorkOrderStatus.ARCHIVED) {
            throw new IllegalStateException("work order " + archived.number() + " ended as " + archived.status());
        }
        return elapsed;
    }

    private static void summarise(ResultTable summary, int threads, List<TwoTaskWorkload.Run> opsflow, List<TwoTaskWorkload.Run> bare) {
        double[] ratios = new double[opsflow.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = opsflow.get(i).perSecond() / bare.get(i).perSecond();
        }
        double mean = java.util.Arrays.stream(ratios).average().orElse(Double.NaN);
        double min = java.util.Arrays.stream(ratios).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(ratios).max().orElse(Double.NaN);
        summary.add(threads, avg(bare), avg(opsflow), String.format(java.util.Locale.ROOT, "%.2f (%.2f–%.2f)", mean, min, max),
                latencies(bare), latencies(opsflow),
                String.format(java.util.Locale.ROOT, "%.1f → %.1f", bare.get(0).statementsPerInstance(), opsflow.get(0).statementsPerInstance()));
    }

    private static double avg(List<TwoTaskWorkload.Run> runs) {
        return runs.stream().mapToDouble(TwoTaskWorkload.Run::perSecond).average().orElse(Double.NaN);
    }

    private static String latencies(List<TwoTaskWorkload.Run> runs) {
        var p = Percentiles.of(runs.stream().flatMapToLong(r -> java.util.Arrays.stream(r.latencies())).toArray());
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f", p.p50(), p.p99());
    }
}
