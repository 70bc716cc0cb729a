package io.opsflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;

/**
 * The bare side of the recurring-plan burst: a standalone Flowable engine (schema {@value #SCHEMA} of
 * the same PostgreSQL database) with its async executor on with Opsflow's job settings and thread
 * count, running the per-plan BPMN of decision 20 ({@code bench/recurring-work-order.bpmn20.xml}: one instance
 * and one timer per plan, what a plain Flowable user would model; Opsflow replaced it by a sweep, decision 76). Its
 * {@code recurringPlanSteps} bean schedules the cycle, counts firings per plan and, like Opsflow's
 * firing, starts a minimal order process ({@code bare-order}) asynchronously, whose one service step
 * counts as the assignment: the engine's own cost of the same jobs, without Opsflow's work orders.
 */
final class BareTimerEngine implements AutoCloseable {

    static final String SCHEMA = "bare_timers";

    /** The bare stand-in for {@code work-order}: start, one counting service step, a user task for the assignee. */
    private static final String BARE_ORDER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://opsflow.io/bench">
              <process id="bare-order" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="assign"/>
                <serviceTask id="assign" flowable:expression="${recurringPlanSteps.assign(execution)}"/>
                <sequenceFlow id="f2" sourceRef="assign" targetRef="work"/>
                <userTask id="work" flowable:assignee="${assignee}"/>
                <sequenceFlow id="f3" sourceRef="work" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final Steps steps;

    BareTimerEngine(BenchDatabase database, int poolSize, AsyncJobExecutorConfiguration opsflowJobs, int jobThreads, Instant due) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url() + "?currentSchema=" + SCHEMA);
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("bare-flowable-timers");
        steps = new Steps(due);

        var config = new StandaloneProcessEngineConfiguration();
        config.setEngineName("bare-flowable-timers");
        config.setDataSource(pool);
        config.setDatabaseSchema(SCHEMA);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorCorePoolSize(jobThreads);
        config.setAsyncExecutorMaxPoolSize(jobThreads);
        config.setAsyncExecutorThreadPoolQueueSize(jobThreads * 16);
        config.setBeans(Map.of("recurringPlanSteps", steps));
        BareMessaging.copyJobSettings(opsflowJobs, config.getAsyncExecutorConfiguration());
        config.getAsyncExecutorConfiguration().setLockOwner("bench-bare-timers");
        engine = config.buildProcessEngine();
        steps.runtime = engine.getRuntimeService();
        engine.getRepositoryService().createDeployment().addString("bare-order.bpmn20.xml", BARE_ORDER).name("bench-bare-order").deploy();
        engine.getRepositoryService().createDeployment().addClasspathResource("bench/recurring-work-order.bpmn20.xml")
                .name("bench-recurring").deploy();
    }

    ProcessEngine engine() {
        return engine;
    }

    int fired() {
        return steps.fired.size();
    }

    /** Orders whose minimal process ran its (counting) assignment step. */
    int assigned() {
        return steps.assigned.get();
    }

    int duplicates() {
        return steps.duplicates.get();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } catch (FlowableOptimisticLockingException e) {
            // Releasing its job locks at shutdown can race a timer job finishing at that moment; nothing is measured any more.
            System.out.println("bare timer engine closed with a lock conflict: " + e.getMessage());
        } finally {
            pool.close();
        }
    }

    /** The bean the BPMN calls: the first cycle at {@code due}, the next a day later; firings counted per plan. */
    public static final class Steps {

        private final Instant due;
        final Map<String, Boolean> fired = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger assigned = new AtomicInteger();
        volatile RuntimeService runtime;

        Steps(Instant due) {
            this.due = due;
        }

        public void schedule(DelegateExecution execution) {
            boolean done = execution.getVariable("lastCycleAt") != null;
            execution.setVariable("planState", "ACTIVE");
            execution.setVariable("nextDueAt", Date.from(done ? due.plus(Duration.ofDays(1)) : due));
        }

        public void createCycleOrders(DelegateExecution execution) {
            if (fired.put(String.valueOf(execution.getVariable("planId")), Boolean.TRUE) != null) {
                duplicates.incrementAndGet();
            }
            execution.setVariable("lastCycleAt", execution.getVariable("nextDueAt"));
            // Like Opsflow's firing: the order's process is started asynchronously in the timer's transaction.
            runtime.createProcessInstanceBuilder().processDefinitionKey("bare-order").businessKey(String.valueOf(execution.getVariable("planId")))
                    .variable("planId", execution.getVariable("planId")).startAsync();
        }

        /** The minimal order process's "assignment": counts. */
        public void assign(DelegateExecution execution) {
            assigned.incrementAndGet();
            execution.setVariable("assignee", "bench-gardener");
        }
    }
}
