package io.opsflow.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ProcessEngine;

/**
 * Seeds open tasks for the task-list benchmark through the engine itself: several threads, each
 * starting {@value #BATCH} instances per transaction (nested service calls join the surrounding
 * command's transaction). Half the tasks are assigned to a user (with a team as candidate group),
 * 45% are offered to one team, 5% to one user.
 */
final class TaskListSeeder {

    static final int USERS = 500;
    static final int TEAMS = 50;
    static final String STAFF = "staff";
    private static final int BATCH = 250;

    private final ProcessEngine engine;

    TaskListSeeder(ProcessEngine engine) {
        this.engine = engine;
    }

    static String user(int i) {
        return String.format("user-%03d", i);
    }

    static String team(int i) {
        return String.format("team-%02d", i);
    }

    /** Every user is in {@code staff} and two teams. */
    static List<String> groupsOf(int user) {
        return java.util.stream.Stream.of(STAFF, team(user % TEAMS), team((user * 7 + 3) % TEAMS))
                .distinct()
                .toList();
    }

    void seedPeople() {
        IdentityService identity = engine.getIdentityService();
        for (int t = 0; t < TEAMS; t++) {
            var group = identity.newGroup(team(t));
            group.setName("Team " + t);
            group.setType("team");
            identity.saveGroup(group);
        }
        if (identity.createGroupQuery().groupId(STAFF).count() == 0) {
            var staff = identity.newGroup(STAFF);
            staff.setName("Staff");
            identity.saveGroup(staff);
        }
        for (int u = 0; u < USERS; u++) {
            var user = identity.newUser(user(u));
            user.setFirstName("Bench");
            user.setLastName("User " + u);
            identity.saveUser(user);
            for (String group : groupsOf(u)) {
                identity.createMembership(user(u), group);
            }
        }
    }

    /** Starts {@code tasks} instances with {@code threads} threads; returns the seconds it took. */
    double seedTasks(int tasks, int threads) throws Exception {
        var nextBatch = new AtomicInteger();
        int batches = (tasks + BATCH - 1) / BATCH;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        int size = Math.min(BATCH, tasks - b * BATCH);
                        startBatch(new SplittableRandom(b), size);
                        if (b % 40 == 0) {
                            System.out.printf("seeded %d of %d tasks%n", Math.min(tasks, (b + 1) * BATCH), tasks);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void startBatch(SplittableRandom random, int size) {
        var runtime = engine.getRuntimeService();
        engine.getManagementService().executeCommand(commandContext -> {
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(100);
                int priority = random.nextInt(101);
                String team = team(random.nextInt(TEAMS));
                if (kind < 50) {
                    runtime.startProcessInstanceByKey("bench-inbox-assigned",
                            Map.of("assignee", user(random.nextInt(USERS)), "group", team, "priority", priority));
                } else if (kind < 95) {
                    runtime.startProcessInstanceByKey("bench-inbox-group", Map.of("group", team, "priority", priority));
                } else {
                    runtime.startProcessInstanceByKey("bench-inbox-candidate",
                            Map.of("candidate", user(random.nextInt(USERS)), "priority", priority));
                }
            }
            return null;
        });
    }
}
