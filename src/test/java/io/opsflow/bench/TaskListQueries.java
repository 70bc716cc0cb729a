package io.opsflow.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskQuery;

/**
 * The queries the task list runs, through Flowable's {@link TaskQuery}: "my tasks" (assigned to me)
 * and "group tasks" (unassigned, offered to me or one of my groups), each a first page of 20 ordered
 * by priority and age, plus its count for the badge.
 */
final class TaskListQueries {

    static final List<String> NAMES = List.of("my tasks: page", "my tasks: count", "group tasks: page", "group tasks: count");

    private final TaskService tasks;

    TaskListQueries(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Runs each query {@code iterations} times for random users; latencies in ns, per query, in {@link #NAMES} order. */
    long[][] measure(int iterations, long seed) {
        var random = new SplittableRandom(seed);
        long[][] nanos = new long[NAMES.size()][iterations];
        for (int i = 0; i < iterations; i++) {
            int user = random.nextInt(TaskListSeeder.USERS);
            String id = TaskListSeeder.user(user);
            List<String> groups = TaskListSeeder.groupsOf(user);
            nanos[0][i] = time(() -> ordered(tasks.createTaskQuery().taskAssignee(id)).listPage(0, 20));
            nanos[1][i] = time(() -> tasks.createTaskQuery().taskAssignee(id).count());
            nanos[2][i] = time(() -> ordered(tasks.createTaskQuery().taskCandidateUser(id).taskCandidateGroupIn(groups)).listPage(0, 20));
            nanos[3][i] = time(() -> tasks.createTaskQuery().taskCandidateUser(id).taskCandidateGroupIn(groups).count());
        }
        return nanos;
    }

    private static TaskQuery ordered(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByTaskCreateTime().desc();
    }

    private static long time(Supplier<?> query) {
        long start = System.nanoTime();
        query.get();
        return System.nanoTime() - start;
    }
}
