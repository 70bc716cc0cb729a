package io.opsflow.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/**
 * B8 subset on PostgreSQL: seeds open tasks (100,000 by default) for 500 users in 50 teams, then
 * times the task list's queries before Opsflow's indexes exist (bare Flowable schema) and after the
 * real Opsflow application has started on the same database and added them. No timing assertions.
 */
class TaskListQueryBenchmark {

    private static final String PASSWORD_OF_FIRST_USER = "bench-password";

    @Test
    void taskListQueriesAtScaleOnPostgres() throws Exception {
        String reuse = BenchSettings.reuseTaskListDatabase();
        BenchDatabase database = reuse.isBlank()
                ? BenchDatabase.freshPostgres("tasklist")
                : BenchDatabase.existingPostgres(reuse);
        var table = new ResultTable("B8 task-list queries on " + database.serverVersion() + " ("
                        + BenchSettings.queryIterations() + " iterations per query, random users)",
                "phase", "engine", "query", "p50 ms", "p95 ms", "p99 ms");
        try {
            try (EngineUnderTest bare = BareFlowable.start(database, 10)) {
                if (reuse.isBlank()) {
                    table.note(seed(bare.engine()));
                }
                dropOpsflowIndexes(database);
                analyze(database);
                measure(table, "before: Flowable's own indexes", bare, database);
            }
            try (EngineUnderTest opsflow = OpsflowApplicationContext.start(database)) {
                setPasswordOfFirstUser(opsflow.engine());
                analyze(database);
                table.note("Indexes added by Opsflow: " + opsflowIndexes(database));
                measure(table, "after: with Opsflow's indexes", opsflow, database);
            }
            table.note("Open tasks: " + openTasks(database) + "; database " + name(database)
                    + (BenchSettings.keepDatabases() || !reuse.isBlank() ? " (kept; user-001 has password "
                            + PASSWORD_OF_FIRST_USER + ")" : " (dropped)"));
        } finally {
            table.publish("tasklist-queries");
            database.dropIfCreated();
        }
    }

    private static String seed(ProcessEngine engine) throws Exception {
        engine.getRepositoryService().createDeployment()
                .name("bench-inbox")
                .addClasspathResource("bench/inbox-tasks.bpmn20.xml")
                .deploy();
        var seeder = new TaskListSeeder(engine);
        seeder.seedPeople();
        int tasks = BenchSettings.openTasks();
        int threads = Integer.getInteger("bench.seed.threads", 3);
        double seconds = seeder.seedTasks(tasks, threads);
        return String.format(java.util.Locale.ROOT,
                "Seeded %d open tasks through a bare engine in %.0f s (%d threads, 250 process starts per transaction), "
                        + "%d users each in staff + 2 of %d teams; 50%% assigned, 45%% offered to a team, 5%% to one user",
                tasks, seconds, threads, TaskListSeeder.USERS, TaskListSeeder.TEAMS);
    }

    private static void measure(ResultTable table, String phase, EngineUnderTest side, BenchDatabase database) {
        var queries = new TaskListQueries(side.engine().getTaskService());
        queries.measure(50, 1); // warm-up: JIT, statement caches, buffer cache
        long[][] nanos = queries.measure(BenchSettings.queryIterations(), 42);
        for (int q = 0; q < nanos.length; q++) {
            var p = Percentiles.of(nanos[q]);
            table.add(phase, side.name(), TaskListQueries.NAMES.get(q), p.p50(), p.p95(), p.p99());
        }
        for (int kind = 0; kind < 2; kind++) {
            long[] page = new long[nanos[0].length];
            for (int i = 0; i < page.length; i++) {
                page[i] = nanos[2 * kind][i] + nanos[2 * kind + 1][i];
            }
            var p = Percentiles.of(page);
            table.add(phase, side.name(), (kind == 0 ? "my tasks" : "group tasks") + ": page + count", p.p50(), p.p95(), p.p99());
        }
    }

    private static void setPasswordOfFirstUser(ProcessEngine opsflow) {
        var identity = opsflow.getIdentityService();
        var user = identity.createUserQuery().userId(TaskListSeeder.user(1)).singleResult();
        if (user != null) {
            user.setPassword(PASSWORD_OF_FIRST_USER);
            identity.updateUserPassword(user);
        }
    }

    private static void dropOpsflowIndexes(BenchDatabase database) throws SQLException {
        for (String index : opsflowIndexes(database)) {
            execute(database, "drop index if exists " + index);
        }
    }

    private static List<String> opsflowIndexes(BenchDatabase database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select indexname from pg_indexes where indexname like 'opsflow_%' order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long openTasks(BenchDatabase database) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from act_ru_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void analyze(BenchDatabase database) throws SQLException {
        execute(database, "analyze");
    }

    private static void execute(BenchDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String name(BenchDatabase database) {
        return database.url().substring(database.url().lastIndexOf('/') + 1);
    }
}
