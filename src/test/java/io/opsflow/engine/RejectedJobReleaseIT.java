package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.flowable.common.engine.impl.cfg.TransactionPropagation;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The async signal that answered 409 although it had committed (B11 drain): after the commit the
 * new jobs, locked by this node, are handed to its job queue, and each one the full queue refuses is
 * unlocked in a transaction of its own, in the caller's thread. Flowable 7.2 clears the lock whoever
 * holds it by then and lets a failure reach the caller. {@link RejectedJobRelease} unlocks a refused
 * job only while this node still holds it and never throws.
 */
@OpsflowIntegrationTest
class RejectedJobReleaseIT {

    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired RejectedJobRelease release;

    private AsyncExecutor executor;
    private String signal;
    private String processKey;
    private String subscription;

    /** The B11 drain's model (wait for a signal, then one step) under a signal name and key of this test's own. */
    @BeforeEach
    void deploy() throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        signal = "rejectedJobGo-" + id;
        processKey = "rejected-job-" + id;
        String model;
        try (var in = getClass().getClassLoader().getResourceAsStream("fault/fault-drain.bpmn20.xml")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        repositoryService.createDeployment().name("rejected job (test)")
                .addString(processKey + ".bpmn20.xml", model.replace("faultDrainGo", signal).replace("\"fault-drain\"", "\"" + processKey + "\""))
                .deploy();
        executor = engineConfiguration.getAsyncExecutor();
    }

    @Test
    void aRefusedJobThisNodeStillHoldsIsUnlockedForAnyNode() {
        String instance = waitingInstance();
        Job job = signalledJob(instance);
        lock(job, executor.getLockOwner());

        release.jobRejected(executor, job);

        assertThat(lockOwner(job)).as("lock owner").isNull();
        assertThat(managementService.createJobQuery().jobId(job.getId()).locked().count()).isZero();
        managementService.executeJob(job.getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
    }

    @Test
    void aRefusedJobAnotherNodeHasTakenMeanwhileKeepsItsLock() {
        String instance = waitingInstance();
        Job job = signalledJob(instance);
        lock(job, "another-node");

        assertThatCode(() -> release.jobRejected(executor, job)).doesNotThrowAnyException();

        assertThat(lockOwner(job))
                .as("the other node's lock").isEqualTo("another-node");
        // Flowable's own unlock would clear it, so a third acquisition could run the job a second time.
        var jobs = executor.getJobServiceConfiguration();
        jobs.getCommandExecutor().execute(new CommandConfig(false, TransactionPropagation.REQUIRES_NEW), commandContext -> {
            jobs.getJobManager().unacquire(job);
            return null;
        });
        assertThat(lockOwner(job))
                .as("after Flowable's default unlock").isNull();
        managementService.executeJob(job.getId());
    }

    @Test
    void aRefusedJobThatRanMeanwhileIsLeftAlone() {
        String instance = waitingInstance();
        Job job = signalledJob(instance);
        managementService.executeJob(job.getId());

        assertThatCode(() -> release.jobRejected(executor, job)).doesNotThrowAnyException();

        assertThat(jobsOfTheSignal()).as("no job comes back").isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
    }

    private String lockOwner(Job job) {
        return ((JobEntity) managementService.createJobQuery().jobId(job.getId()).singleResult()).getLockOwner();
    }

    private void lock(Job job, String owner) {
        var jobs = executor.getJobServiceConfiguration();
        managementService.executeCommand(commandContext -> {
            JobEntity entity = jobs.getJobEntityManager().findById(job.getId());
            entity.setLockOwner(owner);
            entity.setLockExpirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
            return null;
        });
    }

    private String waitingInstance() {
        return runtimeService.startProcessInstanceByKey(processKey).getId();
    }

    /** The job an async signal creates for the instance's waiting execution. */
    private Job signalledJob(String instance) {
        subscription = runtimeService.createEventSubscriptionQuery().processInstanceId(instance).eventName(signal).singleResult().getId();
        runtimeService.signalEventReceivedAsync(signal);
        List<Job> jobs = jobsOfTheSignal();
        assertThat(jobs).as("the signal's job").hasSize(1);
        return jobs.get(0);
    }

    /** The async signal's jobs (handler "event") carry the subscription, not always the instance. */
    private List<Job> jobsOfTheSignal() {
        return managementService.createJobQuery().handlerType("event").list().stream()
                .filter(job -> subscription.equals(job.getJobHandlerConfiguration()))
                .toList();
    }
}
