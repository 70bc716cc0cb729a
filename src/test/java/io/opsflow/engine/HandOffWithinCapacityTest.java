package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.RejectedJobCounter;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flowable.common.engine.impl.async.DefaultAsyncTaskExecutor;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.DefaultAsyncJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One command creating more async jobs than the local queue takes: the hand-off keeps the rest
 * unlocked for any node instead of locking all of them here and having the queue refuse most.
 */
class HandOffWithinCapacityTest {

    private static final int QUEUE = 4;
    private static final int BRANCHES = 20;

    private final CountDownLatch release = new CountDownLatch(1);
    private RejectedJobCounter rejected;
    private ProcessEngine engine;

    @AfterEach
    void closeEngine() {
        release.countDown();
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void locksOnlyWhatTheQueueTakesAndLeavesTheRestForAnyNode() throws InterruptedException {
        engine = engineWithBusyExecutor(true);

        engine.getRuntimeService().startProcessInstanceByKey("fanOut");

        var jobs = engine.getManagementService();
        assertThat(jobs.createJobQuery().locked().count()).isEqualTo(QUEUE);
        assertThat(jobs.createJobQuery().unlocked().count()).isEqualTo(BRANCHES - QUEUE);
        assertThat(rejected.count()).isZero();
    }

    @Test
    void flowablesDefaultLocksEveryJobAndTheQueueRefusesTheRest() throws InterruptedException {
        engine = engineWithBusyExecutor(false);

        engine.getRuntimeService().startProcessInstanceByKey("fanOut");

        assertThat(rejected.count()).isEqualTo(BRANCHES - QUEUE);
    }

    private ProcessEngine engineWithBusyExecutor(boolean handOff) throws InterruptedException {
        var threads = new DefaultAsyncTaskExecutor();
        threads.setCorePoolSize(1);
        threads.setMaxPoolSize(1);
        threads.setQueueSize(QUEUE);
        threads.start();
        var executor = new DefaultAsyncJobExecutor();
        executor.setTaskExecutor(threads);
        executor.setAsyncJobAcquisitionEnabled(false); // only the hand-off may reach the queue
        executor.setTimerJobAcquisitionEnabled(false);

        var config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:handoff-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setEngineName("handoff-" + handOff);
        config.setDatabaseSchemaUpdate("true"); // the in-memory database goes with the JVM; no drop on close
        config.setAsyncExecutor(executor);
        config.setAsyncTaskExecutor(threads);
        config.setAsyncExecutorActivate(true);
        if (handOff) {
            config.setJobManager(new HandOffWithinCapacity());
        }
        ProcessEngine built = config.buildProcessEngine();
        rejected = RejectedJobCounter.on(built);
        occupyTheOnlyThread(threads);
        built.getRepositoryService().createDeployment().addString("fan-out.bpmn20.xml", fanOut()).deploy();
        return built;
    }

    private void occupyTheOnlyThread(DefaultAsyncTaskExecutor threads) throws InterruptedException {
        var running = new CountDownLatch(1);
        threads.execute(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static String fanOut() {
        String tasks = IntStream.range(0, BRANCHES).mapToObj(i -> """
                <serviceTask id="t%1$d" flowable:async="true" flowable:expression="${true}"/>
                <sequenceFlow id="in%1$d" sourceRef="fork" targetRef="t%1$d"/>
                <sequenceFlow id="out%1$d" sourceRef="t%1$d" targetRef="join"/>
                """.formatted(i)).collect(Collectors.joining());
        return """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:flowable="http://flowable.org/bpmn" targetNamespace="opsflow-test">
                  <process id="fanOut" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="toFork" sourceRef="start" targetRef="fork"/>
                    <parallelGateway id="fork"/>
                    %s
                    <parallelGateway id="join"/>
                    <sequenceFlow id="toEnd" sourceRef="join" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(tasks);
    }
}
