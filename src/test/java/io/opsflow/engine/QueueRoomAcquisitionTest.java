package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.flowable.common.engine.impl.async.DefaultAsyncTaskExecutor;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.DefaultAsyncJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The acquisition waits for room in its queue, not for Flowable's full acquire or queue-full wait,
 * while due jobs are left in the table; with an empty table it sleeps as before.
 */
class QueueRoomAcquisitionTest {

    private static final int MAX = 32;
    private static final Duration WAIT = Duration.ofMinutes(10);

    private ProcessEngine engine;
    private DefaultAsyncTaskExecutor threads;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (threads != null) {
            threads.shutdown();
        }
    }

    @Test
    void aFullQueueOrRefusedJobsMeanWorkIsWaiting() {
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(0, MAX, -1, 0)).isTrue();
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(20, MAX, 20, 3)).isTrue();
    }

    @Test
    void aRequestCutShortByTheQueueThatGotEverythingItAskedForMeansMoreMayBeDue() {
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(10, MAX, 10, 0)).isTrue();
    }

    @Test
    void gettingFewerJobsThanAskedMeansTheTableIsDrained() {
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(10, MAX, 4, 0)).isFalse();
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(128, MAX, 20, 0)).isFalse();
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(128, MAX, 0, 0)).isFalse();
    }

    @Test
    void aFullAcquisitionOrAFailedOneIsLeftToFlowable() {
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(128, MAX, MAX, 0)).isFalse();
        assertThat(QueueRoomAcquisition.stoppedByTheQueue(10, MAX, -1, 0)).isFalse();
    }

    /**
     * 60 waiting async jobs, a queue of 4 and both of Flowable's waits at 10 minutes: Flowable's own
     * acquisition fills the queue once and then sleeps 10 minutes; this one drains the backlog.
     */
    @Test
    void aBacklogLargerThanTheQueueDrainsWithoutSleepingTheAcquireWait() {
        engine = engineWithStoppedExecutor();
        var runtime = engine.getRuntimeService();
        for (int i = 0; i < 60; i++) {
            runtime.startProcessInstanceByKey("oneAsyncStep");
        }
        assertThat(engine.getManagementService().createJobQuery().count()).isEqualTo(60);

        var executor = (DefaultAsyncJobExecutor) engine.getProcessEngineConfiguration().getAsyncExecutor();
        QueueRoomAcquisition.install(executor);
        assertThat(executor.getAsyncJobsDueRunnable()).isInstanceOf(QueueRoomAcquisition.class);
        executor.start();

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> engine.getManagementService().createJobQuery().count() == 0);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(60);
    }

    private ProcessEngine engineWithStoppedExecutor() {
        threads = new DefaultAsyncTaskExecutor();
        threads.setCorePoolSize(1);
        threads.setMaxPoolSize(1);
        threads.setQueueSize(4);
        threads.start();
        var executor = new DefaultAsyncJobExecutor();
        executor.setTaskExecutor(threads);
        executor.setAutoActivate(false);
        executor.setTimerJobAcquisitionEnabled(false);
        executor.setMaxAsyncJobsDuePerAcquisition(4);
        executor.setDefaultAsyncJobAcquireWaitTimeInMillis((int) WAIT.toMillis());
        executor.setDefaultQueueSizeFullWaitTimeInMillis((int) WAIT.toMillis());

        var config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:room-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setEngineName("queue-room-" + UUID.randomUUID());
        config.setDatabaseSchemaUpdate("true");
        config.setAsyncExecutor(executor);
        config.setAsyncTaskExecutor(threads);
        config.setAsyncExecutorActivate(false);
        ProcessEngine built = config.buildProcessEngine();
        built.getRepositoryService().createDeployment().addString("one-async-step.bpmn20.xml", """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:flowable="http://flowable.org/bpmn" targetNamespace="opsflow-test">
                  <process id="oneAsyncStep" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="toStep" sourceRef="start" targetRef="step"/>
                    <serviceTask id="step" flowable:async="true" flowable:expression="${true}"/>
                    <sequenceFlow id="toEnd" sourceRef="step" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """).deploy();
        return built;
    }
}
