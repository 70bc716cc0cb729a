package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Row 13 of the fault matrix: the engine clock jumps a day ahead and then an hour back. The overdue
 * one-hour timer fires once and an endless hourly cycle fires once (it does not catch up on the 24
 * hours it missed); a bounded cycle of three fires its three repetitions back to back (Flowable 7.2
 * puts each next repetition at the current time when its slot is past) but never more. The
 * backward jump fires nothing twice. Timers are run the way the job executor would: every
 * executable timer job is moved and executed until none is due.
 */
@OpsflowIntegrationTest
class ClockJumpTimersIT {

    private static final int MAX_ROUNDS = 50;

    @Autowired ProcessEngineConfiguration engineConfiguration;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;

    @Test
    void aDayAheadFiresEachOverdueTimerOnceAndAnHourBackFiresNothingAgain() {
        repositoryService.createDeployment().name("clock-jump (test)").addClasspathResource("timers/clock-jump.bpmn20.xml")
                .enableDuplicateFiltering().deploy();
        Clock clock = engineConfiguration.getClock();
        Instant start = Instant.now();
        clock.setCurrentTime(Date.from(start));
        String instance = runtimeService.startProcessInstanceByKey("clock-jump").getId();
        assertThat(managementService.createTimerJobQuery().processInstanceId(instance).count()).isEqualTo(3);
        assertThat(runDueTimers(instance)).as("nothing due at the start").isZero();

        clock.setCurrentTime(Date.from(start.plus(Duration.ofDays(1))));
        assertThat(runDueTimers(instance)).as("timer runs after a day ahead").isEqualTo(5);
        assertThat(firings(instance, "Task_OneHourFired")).isEqualTo(1);
        assertThat(firings(instance, "Task_ForeverFired")).as("the endless cycle fires once, no storm of missed hours").isEqualTo(1);
        assertThat(firings(instance, "Task_CycleFired")).as("the cycle of three fires its three repetitions, not 24").isEqualTo(3);
        assertThat(runDueTimers(instance)).as("nothing left due").isZero();

        clock.setCurrentTime(Date.from(start.plus(Duration.ofDays(1)).minus(Duration.ofHours(1))));
        assertThat(runDueTimers(instance)).as("nothing due after an hour back").isZero();
        assertThat(firings(instance, "Task_OneHourFired")).isEqualTo(1);
        assertThat(firings(instance, "Task_CycleFired")).isEqualTo(3);
        assertThat(firings(instance, "Task_ForeverFired")).isEqualTo(1);
        assertThat(managementService.createTimerJobQuery().processInstanceId(instance).count())
                .as("only the endless cycle still waits, for its next hour").isOne();
        assertThat(runtimeService.createActivityInstanceQuery().processInstanceId(instance).activityId("Task_AfterTheHour")
                        .unfinished().count())
                .as("the one-hour branch moved on exactly once").isEqualTo(1);
    }

    /** Moves and executes every timer of the instance due by the engine clock until none is; returns how many ran. */
    private int runDueTimers(String instance) {
        int ran = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            var due = managementService.createTimerJobQuery().processInstanceId(instance).executable().list();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job timer : due) {
                Job job = managementService.moveTimerToExecutableJob(timer.getId());
                managementService.executeJob(job.getId());
                ran++;
            }
        }
        throw new AssertionError("timers still due after " + MAX_ROUNDS + " rounds: a storm");
    }

    private long firings(String instance, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId).count();
    }

    @AfterEach
    void realTimeAgain() {
        engineConfiguration.getClock().reset();
        runtimeService.createProcessInstanceQuery().processDefinitionKey("clock-jump").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test clean-up"));
    }
}
