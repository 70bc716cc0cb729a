package io.opsflow.bench;

import io.opsflow.platform.Groups;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.workorder.plan.PlanDraft;
import io.opsflow.workorder.plan.RecurringPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B5 for recurring plans (issue 5): N plans (default 10,000) all due at the same minute, on one
 * Opsflow node with its async executor on, on PostgreSQL. The plans are created through
 * {@link RecurringPlans} (each gets its {@code next_due_at}; the {@code recurring-plan-sweep} timer fires
 * them, decision 76), then the engine clock is moved to 30 s past the due minute and from then on runs
 * with the wall clock, and the time is measured until every plan has its cycle's work order (its
 * {@code app_wo_plan_cycle} row, committed with the order and its asynchronously started
 * {@code work-order} process) and then until every order is assigned (the start job's assignment). The
 * bare side is Flowable alone as a plain Flowable user would model plans: one instance and one timer per
 * plan (decision 20's BPMN), with a bean that counts and starts a minimal process asynchronously.
 * Asserts nothing about speed.
 */
class RecurringPlanBurstBenchmark {

    private static final String SKILL = "绿化";

    @Test
    void tenThousandPlansDueInTheSameMinuteFireOnOneNode() throws Exception {
        BenchDatabase database = BenchDatabase.freshPostgres("plans");
        sampler(database);
        String loadBefore = loadAverage();
        int n = Integer.getInteger("bench.plans", 10_000);
        int threads = Integer.getInteger("bench.plans.threads", 4);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.plans.timeout", 900));
        Instant due = LocalDate.now(ZoneOffset.UTC).plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant firedAt = due.plusSeconds(30);
        var runs = new ResultTable("Recurring plans due in the same minute, one node, " + database.serverVersion(),
                "side", "plans", "create/s", "fired", "fired in 10 s", "fired in 30 s", "fired in 60 s", "all fired after s",
                "plans/s", "all assigned after s", "assigned in 60 s", "work orders", "duplicates");
        String executorNote = "";
        String sweepBatch = "200";
        try {
            AsyncJobExecutorConfiguration jobs;
            int jobThreads;
            int pool;
            // e.g. -Dbench.plans.args="--flowable.process.async.executor.default-async-job-acquire-wait-time=PT1S"; the bare side copies the job settings.
            String[] extra = System.getProperty("bench.plans.args", "").isBlank() ? new String[0]
                    : System.getProperty("bench.plans.args").trim().split("\\s+");
            try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, true, extra)) {
                ProcessEngine engine = context.getBean(ProcessEngine.class);
                jobs = ((AbstractAsyncExecutor) engine.getProcessEngineConfiguration().getAsyncExecutor()).getConfiguration();
                jobThreads = context.getEnvironment().getProperty("opsflow.engine.job-threads", Integer.class, 8);
                pool = OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context));
                executorNote = "Job executor on both sides: " + jobThreads + " threads, max timer jobs per acquisition "
                        + jobs.getMaxTimerJobsPerAcquisition() + ", max async jobs per acquisition " + jobs.getMaxAsyncJobsDuePerAcquisition()
                        + ", timer acquire wait " + jobs.getDefaultTimerJobAcquireWaitTime().toMillis() + " ms, async acquire wait "
                        + jobs.getDefaultAsyncJobAcquireWaitTime().toMillis() + " ms, queue " + jobThreads * 16 + "; connection pool " + pool
                        + (extra.length == 0 ? "" : "; arguments " + String.join(" ", extra)) + ".";
                sweepBatch = context.getEnvironment().getProperty("opsflow.workorder.plans.sweep-batch", "200");
                gardener(context);
                RecurringPlans plans = context.getBean(RecurringPlans.class);
                String start = LocalDate.ofInstant(due, ZoneOffset.UTC).toString();
                double createRate = inParallel(n, threads, i -> plans.create(new PlanDraft("绿化浇水 " + i, null, List.of(SKILL),
                        List.of("浇水"), List.of("A区花坛 " + i), 1, null, "00:00", start, null, "UTC", "PT8H", 50), "bench"));
                System.out.printf(Locale.ROOT, "Opsflow: %d plans created, %.1f/s%n", n, createRate);
                // Fired = the cycle row exists; it commits with the order, its link and its started (async) work-order process.
                Burst burst = fire(engine, firedAt, n, timeout, () -> count(database, "select count(*) from app_wo_plan_cycle where cycle_at = ?", due),
                        () -> count(database, "select count(*) from app_wo_work_order where due_at = ? and status <> 'NEW'",
                                due.plus(Duration.ofHours(8))));
                int orders = count(database, "select count(*) from app_wo_plan_order where cycle_at = ?", due);
                // Orders beyond one per plan would be duplicates (the key plan + cycle + location forbids them in the link table).
                int duplicates = count(database, "select count(*) from app_wo_work_order where due_at = ?", due.plus(Duration.ofHours(8)))
                        - orders;
                add(runs, "Opsflow", n, createRate, burst, orders, duplicates);
                engine.getProcessEngineConfiguration().getClock().reset();
            }
            try (BareTimerEngine bare = new BareTimerEngine(database, pool, jobs, jobThreads, due)) {
                var runtime = bare.engine().getRuntimeService();
                double createRate = inParallel(n, threads, i -> runtime.startProcessInstanceByKey("recurring-work-order", "plan-" + i,
                        java.util.Map.of("planId", "plan-" + i)));
                System.out.printf(Locale.ROOT, "bare: %d instances started, %.1f/s%n", n, createRate);
                Burst burst = fire(bare.engine(), firedAt, n, timeout, bare::fired, bare::assigned);
                add(runs, "bare Flowable", n, createRate, burst, 0, bare.duplicates());
                bare.engine().getProcessEngineConfiguration().getClock().reset();
            }
        } finally {
            runs.note(executorNote);
            runs.note("Each plan: every day at 00:00 UTC, one location; the engine clock is set to 30 s after the due minute, runs on"
                    + " with the wall clock, and the time counts from then. Opsflow: the recurring-plan-sweep timer (every 10 s) claims"
                    + " due plans in batches of " + sweepBatch + " (one transaction each) and per plan"
                    + " stores the work order, its link and the cycle row and starts the order's work-order process asynchronously"
                    + " (fired = cycle row committed); the start job then assigns (among 1 gardener), notifies in-app and creates the"
                    + " work task (assigned = order no longer NEW). Bare Flowable: one instance and one timer per plan (decision 20's"
                    + " BPMN); each timer job counts and starts a minimal process asynchronously (start -> counting service task ->"
                    + " user task): without order rows, ranking, load counter, notification or escalation timers.");
            runs.note("Conditions: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + ", load average (1/5/15 min) " + loadBefore + " before and " + loadAverage() + " after.");
            runs.publish("recurring-plans");
            if (sampler != null) {
                sampler.close();
                sampler = null;
            }
            database.dropIfCreated();
        }
    }

    private record Burst(int fired, int in10, int in30, int in60, double allAfterSeconds, int assignedIn60, double allAssignedAfterSeconds) {}

    /**
     * Moves the engine clock past the due minute and samples how many plans have fired, and how many of
     * their orders are assigned (the async second half), until all are (or the timeout).
     */
    private static Burst fire(ProcessEngine engine, Instant firedAt, int n, Duration timeout, IntSupplier fired, IntSupplier assigned) {
        var clock = engine.getProcessEngineConfiguration().getClock();
        clock.setCurrentTime(Date.from(firedAt));
        long t0 = System.nanoTime();
        int[] marks = {-1, -1, -1, -1};
        double[] all = {Double.NaN, Double.NaN};
        BenchWait.until(timeout, Duration.ofMillis(250), () -> {
            int count = fired.getAsInt();
            int done = assigned.getAsInt();
            double s = (System.nanoTime() - t0) / 1e9;
            // Time goes on from the moved clock, so the sweep's 10 s timer keeps coming back (a set engine clock stands still).
            clock.setCurrentTime(Date.from(firedAt.plusNanos(System.nanoTime() - t0)));
            if (s <= 10) {
                marks[0] = count;
            }
            if (s <= 30) {
                marks[1] = count;
            }
            if (s <= 60) {
                marks[2] = count;
                marks[3] = done;
            }
            if (count >= n && Double.isNaN(all[0])) {
                all[0] = s;
            }
            if (done >= n) {
                all[1] = s;
                return true;
            }
            return false;
        });
        int total = fired.getAsInt();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] < 0) {
                marks[i] = total;
            }
        }
        int totalAssigned = assigned.getAsInt();
        if (marks[3] < 0) {
            marks[3] = totalAssigned;
        }
        System.out.printf(Locale.ROOT, "fired %d of %d; 10 s %d, 30 s %d, 60 s %d; all after %.1f s; assigned %d, in 60 s %d, all after %.1f s%n",
                total, n, marks[0], marks[1], marks[2], all[0], totalAssigned, marks[3], all[1]);
        return new Burst(total, marks[0], marks[1], marks[2], all[0], marks[3], all[1]);
    }

    private static void add(ResultTable runs, String side, int n, double createRate, Burst b, int orders, int duplicates) {
        runs.add(side, n, createRate, b.fired(), b.in10(), b.in30(), b.in60(), b.allAfterSeconds(),
                Double.isNaN(b.allAfterSeconds()) ? Double.NaN : n / b.allAfterSeconds(), b.allAssignedAfterSeconds(), b.assignedIn60(), orders,
                duplicates);
    }

    private static void gardener(ConfigurableApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        var user = identity.newUser("bench-gardener");
        user.setFirstName("Bench");
        user.setLastName("Gardener");
        user.setPassword("bench-gardener-password");
        identity.saveUser(user);
        identity.createMembership("bench-gardener", Groups.STAFF);
        context.getBean(UserSkills.class).replace("bench-gardener", List.of(SKILL));
    }

    /** Runs {@code n} calls on {@code threads} threads; returns calls per second. */
    private static double inParallel(int n, int threads, java.util.function.IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * One connection for all samples, kept open: on a shared PostgreSQL a new connection per sample
     * failed with "too many clients" in the middle of a run (2026-12-03).
     */
    private static Connection sampler;

    private static synchronized Connection sampler(BenchDatabase database) throws SQLException {
        if (sampler == null || sampler.isClosed()) {
            sampler = database.connect();
            sampler.setAutoCommit(true);
        }
        return sampler;
    }

    private static synchronized int count(BenchDatabase database, String sql, Instant cycleAt) {
        try (var s = sampler(database).prepareStatement(sql)) {
            s.setObject(1, java.time.LocalDateTime.ofInstant(cycleAt, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
