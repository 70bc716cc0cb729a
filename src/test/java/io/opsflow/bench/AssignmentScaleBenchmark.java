package io.opsflow.bench;

import io.opsflow.platform.identity.StaffCandidates;
import io.opsflow.workorder.assignment.AssignmentRanking;
import io.opsflow.workorder.assignment.CandidateScore;
import io.opsflow.workorder.assignment.Explanation;
import io.opsflow.workorder.assignment.Ranking;
import io.opsflow.workorder.order.WorkOrderSettings;
import io.opsflow.workorder.order.WorkOrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assignment at scale (issue 5): 10,000 staff and 100,000 open work orders on PostgreSQL. One
 * assignment = rank the candidates for the order's skills, write the explanation and record the
 * assignee, in one transaction, through the real Opsflow beans ({@link AssignmentRanking},
 * {@link WorkOrderStore}) — "after" — against the code before the load counters
 * ({@link LegacyAssignment}) — "before" — on the same data, interleaved before/after, after/before, …
 * Prints and writes the tables to {@code target/bench/}; asserts nothing about speed.
 */
class AssignmentScaleBenchmark {

    private static final int STAFF = Integer.getInteger("bench.assign.staff", 10_000);
    private static final int OPEN = Integer.getInteger("bench.assign.open", 100_000);
    private static final int ARCHIVED = Integer.getInteger("bench.assign.archived", 50_000);
    private static final int CALLS = Integer.getInteger("bench.assign.n", 500);
    private static final int WARMUP = Integer.getInteger("bench.assign.warmup", 100);
    private static final int REPS = Integer.getInteger("bench.assign.reps", 3);
    /** Closed-loop client threads per side (each takes the next request when its previous one committed). */
    private static final int THREADS = Integer.getInteger("bench.assign.threads", 1);
    /** An already seeded database (kept with {@code -Dbench.keepDatabase=true}) to run on instead of seeding a new one. */
    private static final String REUSE = System.getProperty("bench.assign.database", "");

    private record Sample(long[] nanos, double statements, double listed, double candidates) {}

    @Test
    void assignmentWith10kStaffAnd100kOpenOrdersOnPostgres() throws Exception {
        BenchDatabase database = REUSE.isBlank() ? BenchDatabase.freshPostgres("assign") : BenchDatabase.existingPostgres(REUSE);
        String version = database.serverVersion();
        var runs = new ResultTable("Every repetition on " + version + " (" + STAFF + " staff, " + OPEN + " open and " + ARCHIVED
                        + " archived work orders, N = " + CALLS + " assignments per repetition and side, " + THREADS + " client thread(s))",
                "rep", "side", "p50 ms", "p95 ms", "p99 ms", "statements/assignment", "candidates (mean)", "rows to Java (mean)");
        var summary = new ResultTable("Assignment at scale on " + version + ": rank + explanation + record, one transaction",
                "side", "p50 ms", "p95 ms", "p99 ms", "statements/assignment", "rows read into Java per assignment");
        long seedStart = System.nanoTime();
        try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, false)) {
            if (REUSE.isBlank()) {
                AssignmentSeeder.seed(database, STAFF, OPEN, ARCHIVED, context.getBean(StaffCandidates.class));
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            var counting = (CountingDataSource) context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(counting);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            WorkOrderSettings settings = context.getBean(WorkOrderSettings.class);
            AssignmentRanking ranking = context.getBean(AssignmentRanking.class);
            WorkOrderStore store = context.getBean(WorkOrderStore.class);
            LegacyAssignment legacy = new LegacyAssignment(jdbc, settings.weights().toWeights());
            List<String> orders = jdbc.sql("select id from app_wo_work_order where status = 'ASSIGNED' order by id fetch first 20000 rows only")
                    .query(String.class)
                    .list();
            Random random = new Random(11);
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            Consumer<List<String>> after = skills -> tx.executeWithoutResult(s -> {
                Ranking ranked = ranking.rank(skills);
                String chosen = ranked.best().map(CandidateScore::userId).orElse(null);
                store.recordAssignment(orders.get(Math.floorMod(next.getAndIncrement(), orders.size())), chosen,
                        Explanation.of(ranked, chosen, settings.explainedCandidates(), Instant.now()));
            });
            Consumer<List<String>> before = skills -> tx.executeWithoutResult(s -> {
                List<CandidateScore> all = legacy.rank(skills);
                Ranking ranked = new Ranking(Ranking.RULE, skills, settings.weights().toWeights(), all, all.size());
                String chosen = ranked.best().map(CandidateScore::userId).orElse(null);
                legacy.record(orders.get(Math.floorMod(next.getAndIncrement(), orders.size())), chosen,
                        Explanation.of(ranked, chosen, settings.explainedCandidates(), Instant.now()));
            });
            measure(after, ranking, legacy, counting, random, WARMUP, false);
            measure(before, ranking, legacy, counting, random, WARMUP, true);
            List<Sample> ofAfter = new ArrayList<>();
            List<Sample> ofBefore = new ArrayList<>();
            for (int rep = 1; rep <= REPS; rep++) {
                boolean beforeFirst = rep % 2 == 1;
                for (boolean isBefore : beforeFirst ? List.of(true, false) : List.of(false, true)) {
                    Sample sample = measure(isBefore ? before : after, ranking, legacy, counting, random, CALLS, isBefore);
                    (isBefore ? ofBefore : ofAfter).add(sample);
                    var p = Percentiles.of(sample.nanos());
                    runs.add(rep, isBefore ? "before (all candidates, counted per call)" : "after (one statement, counters)", p.p50(), p.p95(),
                            p.p99(), sample.statements(), sample.candidates(), sample.listed());
                }
                System.out.printf("assignment benchmark repetition %d done%n", rep);
            }
            summarise(summary, "before (all candidates, counted per call)", ofBefore);
            summarise(summary, "after (one statement, counters)", ofAfter);
            summary.note((REUSE.isBlank()
                            ? "Seeding " + STAFF + " staff (1–3 of " + AssignmentSeeder.SKILLS.size() + " skills, 5% on leave, Mon–Fri hours) and "
                                    + (OPEN + ARCHIVED) + " orders by JDBC batches took " + Math.round(seedSeconds) + " s"
                            : "Reused database " + REUSE + " (seeded by an earlier run; its assignments since stay in it)")
                    + "; 80% of assignments need one random skill, "
                    + "20% two. Warm-up " + WARMUP + " per side, " + REPS + " repetitions interleaved. " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + System.getProperty("java.version") + ".");
        } finally {
            var all = new StringBuilder(summary.markdown()).append(runs.markdown());
            summary.publish("assignment-summary");
            runs.publish("assignment-runs");
            Files.writeString(Path.of("target", "bench", "assignment.md"), all);
            database.dropIfCreated();
        }
    }

    private static Sample measure(Consumer<List<String>> assign, AssignmentRanking ranking, LegacyAssignment legacy,
            CountingDataSource counting, Random random, int calls, boolean isBefore) {
        long[] nanos = new long[calls];
        long listed = 0;
        long candidates = 0;
        var start = counting.snapshot();
        List<List<String>> asked = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            asked.add(skills(random));
        }
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        Runnable client = () -> {
            for (int i = taken.getAndIncrement(); i < calls; i = taken.getAndIncrement()) {
                long t0 = System.nanoTime();
                assign.accept(asked.get(i));
                nanos[i] = System.nanoTime() - t0;
            }
        };
        if (THREADS <= 1) {
            client.run();
        } else {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
            try {
                var running = new ArrayList<java.util.concurrent.Future<?>>();
                for (int t = 0; t < THREADS; t++) {
                    running.add(pool.submit(client));
                }
                for (var f : running) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException("an assignment failed", e);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        var work = counting.snapshot().minus(start);
        // Sizes from a few of the same requests, outside the timing and the statement count.
        for (List<String> skills : asked.subList(0, Math.min(20, asked.size()))) {
            Ranking ranked = ranking.rank(skills);
            candidates += ranked.candidateCount();
            listed += isBefore ? legacy.rank(skills).size() * 2L : ranked.candidates().size();
        }
        int sampled = Math.min(20, asked.size());
        return new Sample(nanos, (double) work.statements() / calls, (double) listed / sampled, (double) candidates / sampled);
    }

    private static List<String> skills(Random random) {
        List<String> all = AssignmentSeeder.SKILLS;
        String first = all.get(random.nextInt(all.size()));
        if (random.nextInt(5) != 0) {
            return List.of(first);
        }
        String second = all.get(random.nextInt(all.size()));
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    private static void summarise(ResultTable summary, String side, List<Sample> samples) {
        long[] pooled = samples.stream().flatMapToLong(s -> java.util.Arrays.stream(s.nanos())).toArray();
        var p = Percentiles.of(pooled);
        summary.add(side, p.p50(), p.p95(), p.p99(), samples.stream().mapToDouble(Sample::statements).average().orElse(Double.NaN),
                samples.stream().mapToDouble(Sample::listed).average().orElse(Double.NaN));
    }
}
