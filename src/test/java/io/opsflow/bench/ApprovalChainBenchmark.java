package io.opsflow.bench;

import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.idm.api.User;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Approval chains at scale on PostgreSQL: N approvals are started first (all running at once), then T
 * workers drive each through a 3-level chain — one approver, a 5-person 会签 (all) node, one approver —
 * where the last approver returns it (退回) to the first level once and the chain is approved again.
 * Per approval: 13 approvals and 1 return through {@link ApprovalRuntime} (comment rules, action log,
 * timeline, notifications, race mapping). Baseline in the same run and database: bare Flowable with the
 * same shape (user task, parallel multi-instance over 5 users, user task), completing the same tasks
 * through {@code TaskService} and "returning" with {@code moveActivityIdTo}. Asserts nothing about speed.
 *
 * <p>{@code -Dbench.apv.n} (default 200; the figure is 1000), {@code -Dbench.apv.threads} (default 4).
 */
class ApprovalChainBenchmark {

    private static final int N = Integer.getInteger("bench.apv.n", 200);
    private static final int THREADS = Integer.getInteger("bench.apv.threads", 4);
    private static final List<String> BOARD = List.of("bench-apv-b1", "bench-apv-b2", "bench-apv-b3", "bench-apv-b4", "bench-apv-b5");
    private static final String FIRST = "bench-apv-first";
    private static final String LAST = "bench-apv-last";
    private static final String STARTER = "bench-apv-starter";
    private static final String BARE_KEY = "bench-approval-chain";

    /** Latencies of one side: approve and return separately, plus the wall time of the action phase. */
    record Side(String name, long wallNanos, List<Long> approve, List<Long> returns) {

        double opsPerSecond() {
            return (approve.size() + returns.size()) / (wallNanos / 1e9);
        }

        static long[] array(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }

    @Test
    void approvalChainOperationsVersusBareFlowableOnPostgres() throws Exception {
        BenchDatabase database = BenchDatabase.freshPostgres("approval");
        var table = new ResultTable("3-level chain with a 5-person 会签 node, " + N + " concurrent approvals, " + THREADS + " threads, on "
                + database.serverVersion(), "side", "operations/s", "approve p50 ms", "approve p99 ms", "return p50 ms", "return p99 ms",
                "operations");
        try (ConfigurableApplicationContext context = OpsflowApplicationContext.run(database, false);
                EngineUnderTest bare = BareFlowable.start(database, OpsflowApplicationContext.poolSize(OpsflowApplicationContext.asEngine(context)))) {
            String key = prepare(context);
            deployBare(bare.engine());
            for (Side side : List.of(runOpsflow(context, key), runBare(bare.engine()), runOpsflow(context, key), runBare(bare.engine()))) {
                var a = Percentiles.of(Side.array(side.approve()));
                var r = Percentiles.of(Side.array(side.returns()));
                table.add(side.name(), side.opsPerSecond(), a.p50(), a.p99(), r.p50(), r.p99(), side.approve().size() + side.returns().size());
                System.out.printf(Locale.ROOT, "approval chain: %s done, %.1f operations/s%n", side.name(), side.opsPerSecond());
            }
        } finally {
            table.note("Rows 1-2 are a warm-up pass, rows 3-4 the measured pass (A/B then A/B). Opsflow: ApprovalRuntime.approve/returnTo "
                    + "with a task look-up per operation (in the latency); bare: TaskService.complete / moveActivityIdTo, the same look-ups. "
                    + "Async executor off on both (queued notification jobs stay queued). " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + System.getProperty("java.version") + ".");
            table.publish("approval-chain");
            Files.writeString(Path.of("target", "bench", "approval-chain.md"), table.markdown());
            database.dropIfCreated();
        }
    }

    private static String prepare(ConfigurableApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        List<String> everyone = new ArrayList<>(BOARD);
        everyone.addAll(List.of(FIRST, LAST, STARTER));
        for (String id : everyone) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            identity.saveUser(user);
            identity.createMembership(id, Groups.STAFF);
        }
        SimpleModel model = new SimpleModel("bench-chain", "Bench chain 基准", null,
                new ApprovalForm(List.of(FormFieldSpec.of("title", "Title", "text"))), List.of(
                        ApproverNode.of("l1", "Level 1", ApproverNode.Assignee.users(FIRST), ApproverNode.Method.SEQUENTIAL),
                        ApproverNode.of("l2", "Board 会签", ApproverNode.Assignee.users(BOARD.toArray(String[]::new)), ApproverNode.Method.ALL),
                        ApproverNode.of("l3", "Level 3", ApproverNode.Assignee.users(LAST), ApproverNode.Method.SEQUENTIAL)));
        ApprovalDefinitions definitions = context.getBean(ApprovalDefinitions.class);
        definitions.create(model, "admin");
        return definitions.publish(model.code(), null, "admin").processDefinitionKey();
    }

    private static Side runOpsflow(ConfigurableApplicationContext context, String key) throws Exception {
        ApprovalRuntime runtime = context.getBean(ApprovalRuntime.class);
        TaskService tasks = context.getBean(TaskService.class);
        CurrentUser starter = new CurrentUser(STARTER, List.of(Groups.STAFF));
        List<String> ids = parallel(N, i -> runtime.start(key, Map.of("title", "bench " + i), starter));
        var approve = new ConcurrentLinkedQueue<Long>();
        var returns = new ConcurrentLinkedQueue<Long>();
        long wall = drive(ids, pid -> {
            for (int round = 0; round < 2; round++) {
                approve.add(timed(() -> runtime.approve(task(tasks, pid, FIRST), null, as(FIRST))));
                for (String b : BOARD) {
                    approve.add(timed(() -> runtime.approve(task(tasks, pid, b), null, as(b))));
                }
                if (round == 0) {
                    returns.add(timed(() -> runtime.returnTo(task(tasks, pid, LAST), "l1", "redo", as(LAST))));
                } else {
                    approve.add(timed(() -> runtime.approve(task(tasks, pid, LAST), null, as(LAST))));
                }
            }
        });
        return new Side("Opsflow approvals", wall, List.copyOf(approve), List.copyOf(returns));
    }

    private static Side runBare(ProcessEngine engine) throws Exception {
        TaskService tasks = engine.getTaskService();
        List<String> ids = parallel(N, i -> engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY, Map.of("board", BOARD)).getId());
        var approve = new ConcurrentLinkedQueue<Long>();
        var returns = new ConcurrentLinkedQueue<Long>();
        long wall = drive(ids, pid -> {
            for (int round = 0; round < 2; round++) {
                approve.add(timed(() -> tasks.complete(task(tasks, pid, FIRST))));
                for (String b : BOARD) {
                    approve.add(timed(() -> tasks.complete(task(tasks, pid, b))));
                }
                if (round == 0) {
                    returns.add(timed(() -> {
                        task(tasks, pid, LAST);
                        engine.getRuntimeService().createChangeActivityStateBuilder().processInstanceId(pid).moveActivityIdTo("l3", "l1")
                                .changeState();
                    }));
                } else {
                    approve.add(timed(() -> tasks.complete(task(tasks, pid, LAST))));
                }
            }
        });
        return new Side("bare Flowable", wall, List.copyOf(approve), List.copyOf(returns));
    }

    private static void deployBare(ProcessEngine engine) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                    targetNamespace="http://opsflow.io/bench">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="l1"/>
                    <userTask id="l1" flowable:assignee="%s"/>
                    <sequenceFlow id="f2" sourceRef="l1" targetRef="l2"/>
                    <userTask id="l2" flowable:assignee="${approver}">
                      <multiInstanceLoopCharacteristics isSequential="false" flowable:collection="board" flowable:elementVariable="approver"/>
                    </userTask>
                    <sequenceFlow id="f3" sourceRef="l2" targetRef="l3"/>
                    <userTask id="l3" flowable:assignee="%s"/>
                    <sequenceFlow id="f4" sourceRef="l3" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(BARE_KEY, FIRST, LAST);
        engine.getRepositoryService().createDeployment().name(BARE_KEY).addString(BARE_KEY + ".bpmn20.xml", xml).deploy();
    }

    private static CurrentUser as(String id) {
        return new CurrentUser(id, List.of(Groups.STAFF));
    }

    private static String task(TaskService tasks, String pid, String assignee) {
        Task task = tasks.createTaskQuery().processInstanceId(pid).taskAssignee(assignee).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task of " + assignee + " in " + pid);
        }
        return task.getId();
    }

    private static long timed(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return System.nanoTime() - t0;
    }

    private static List<String> parallel(int n, java.util.function.IntFunction<String> start) throws Exception {
        String[] ids = new String[n];
        runOnWorkers(n, i -> ids[i] = start.apply(i));
        return List.of(ids);
    }

    /** Runs the per-approval script on {@link #THREADS} workers and returns the wall time in nanoseconds. */
    private static long drive(List<String> ids, java.util.function.Consumer<String> script) throws Exception {
        long t0 = System.nanoTime();
        runOnWorkers(ids.size(), i -> script.accept(ids.get(i)));
        return System.nanoTime() - t0;
    }

    private static void runOnWorkers(int n, java.util.function.IntConsumer work) throws Exception {
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        work.accept(i);
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
    }
}
