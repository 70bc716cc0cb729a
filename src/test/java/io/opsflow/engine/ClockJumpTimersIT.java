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
 * one-hour timer fires once, an endless hourly cycle fires once (it does not catch up on the 24
 * hours it missed) and so does a bounded cycle of three whose slots have all passed (decision 0013:
 * catch up once; Flowable 7.2 alone fired its three repetitions back to back). The backward jump
 * fires nothing twice. Without a jump the bounded cycle keeps its schedule, also when a repetition runs late by less than a period. Timers are run the way the job executor would: every
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
        assertThat(runDueTimers(instance)).as("timer runs after a day ahead").isEqualTo(3);
        assertThat(firings(instance, "Task_OneHourFired")).isEqualTo(1);
        assertThat(firings(instance, "Task_ForeverFired")).as("the endless cycle fires once, no storm of missed hours").isEqualTo(1);
        assertThat(firings(instance, "Task_CycleFired")).as("the cycle of three catches up once, not 3 or 24 times").isEqualTo(1);
        assertThat(runDueTimers(instance)).as("nothing left due").isZero();

        clock.setCurrentTime(Date.from(start.plus(Duration.ofDays(1)).minus(Duration.ofHours(1))));
        assertThat(runDueTimers(instance)).as("nothing due after an hour back").isZero();
        assertThat(firings(instance, "Task_OneHourFired")).isEqualTo(1);
        assertThat(firings(instance, "Task_CycleFired")).isEqualTo(1);
        assertThat(firings(instance, "Task_ForeverFired")).isEqualTo(1);
        assertThat(managementService.createTimerJobQuery().processInstanceId(instance).count())
                .as("only the endless cycle still waits, for its next hour").isOne();
        assertThat(runtimeService.createActivityInstanceQuery().processInstanceId(instance).activityId("Task_AfterTheHour")
                        .unfinished().count())
                .as("the one-hour branch moved on exactly once").isEqualTo(1);
    }

    @Test
    void withoutAJumpTheCycleOfThreeKeepsItsScheduleAlsoWhenARepetitionIsLateByLessThanAPeriod() {
        repositoryService.createDeployment().name("clock-jump (test)").addClasspathResource("timers/clock-jump.bpmn20.xml")
                .enableDuplicateFiltering().deploy();
        Clock clock = engineConfiguration.getClock();
        Instant start = Instant.now();
        clock.setCurrentTime(Date.from(start));
        String steady = runtimeService.startProcessInstanceByKey("clock-jump").getId();
        for (int hour = 1; hour <= 4; hour++) {
            clock.setCurrentTime(Date.from(start.plus(Duration.ofHours(hour)).plusSeconds(1)));
            runDueTimers(steady);
            assertThat(firings(steady, "Task_CycleFired")).as("after hour " + hour).isEqualTo(Math.min(hour, 3));
        }

        Instant later = start.plus(Duration.ofHours(5));
        clock.setCurrentTime(Date.from(later));
        String behind = runtimeService.startProcessInstanceByKey("clock-jump").getId();
        clock.setCurrentTime(Date.from(later.plus(Duration.ofMinutes(150))));
        runDueTimers(behind);
        assertThat(firings(behind, "Task_CycleFired")).as("slot 2 late by less than a period still fires").isEqualTo(2);
        clock.setCurrentTime(Date.from(later.plus(Duration.ofHours(3)).plusSeconds(1)));
        runDueTimers(behind);
        assertThat(firings(behind, "Task_CycleFired")).as("slot 3 on time").isEqualTo(3);
        clock.setCurrentTime(Date.from(later.plus(Duration.ofHours(6))));
        assertThat(runDueTimers(behind)).as("the endless cycle only").isOne();
        assertThat(firings(behind, "Task_CycleFired")).as("and the cycle is over").isEqualTo(3);
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
