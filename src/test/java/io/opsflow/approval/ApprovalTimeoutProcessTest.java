package io.opsflow.approval;

import static io.opsflow.approval.ApprovalFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Assignee;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import io.opsflow.messaging.delivery.LogEntry;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders every N hours up to K times, then the automatic decision, on the engine clock. */
@OpsflowIntegrationTest
class ApprovalTimeoutProcessTest {

    @Autowired ApprovalFixtures fx;
    @Autowired ProcessEngineConfiguration engine;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired SendLog sendLog;

    @AfterEach
    void resetClock() {
        engine.getClock().reset();
    }

    @Test
    void remindsTwiceThenAutoApproves() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        engine.getClock().setCurrentTime(Date.from(now));
        String a = fx.user("to-a"), b = fx.user("to-b"), next = fx.user("to-next"), starter = fx.user("to-s");
        String key = fx.deploy(model(List.of(),
                ApproverNode.of("slow", "Slow", Assignee.users(a, b), Method.ALL).withTimeout(2, 2, TimeoutAction.AUTO_APPROVE),
                ApproverNode.of("after", "After", Assignee.users(next), Method.SEQUENTIAL)));
        String id = fx.start(key, starter, Map.of());

        at(now, 119);
        assertThat(due(id)).isEmpty();
        at(now, 121);
        runDue(id);
        assertThat(fx.variable(id, "slow_reminders")).isEqualTo(1);
        assertThat(reminders(id)).extracting(LogEntry::recipient).containsOnly(a, b);
        at(now, 241);
        runDue(id);
        assertThat(fx.variable(id, "slow_reminders")).isEqualTo(2);
        assertThat(fx.assignees(id)).containsExactlyInAnyOrder(a, b);
        int afterTwoReminders = reminders(id).size();
        assertThat(afterTwoReminders).as("one message per approver, channel and reminder").isGreaterThan(0);
        at(now, 361);
        runDue(id);
        assertThat(fx.variable(id, "slow_reminders")).as("no third reminder").isEqualTo(2);
        assertThat(reminders(id)).hasSize(afterTwoReminders);
        assertThat(fx.assignees(id)).containsExactly(next);
        assertThat(fx.variable(id, "slow_auto")).isEqualTo("timeout:autoApprove");
        var completed = fx.historyService.createHistoricTaskInstanceQuery().processInstanceId(id).taskDefinitionKey("slow")
                .taskVariableValueEquals(ApprovalConventions.ACTOR, ApprovalConventions.TIMEOUT_ACTOR).list();
        assertThat(completed).hasSize(1);
    }

    @Test
    void autoRejectsWithoutReminders() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        engine.getClock().setCurrentTime(Date.from(now));
        String a = fx.user("tr-a"), starter = fx.user("tr-s");
        String key = fx.deploy(model(List.of(),
                ApproverNode.of("late", "Late", Assignee.users(a), Method.SEQUENTIAL).withTimeout(1, 0, TimeoutAction.AUTO_REJECT)));
        String id = fx.start(key, starter, Map.of());
        at(now, 61);
        runDue(id);
        assertThat(fx.ended(id)).isTrue();
        assertThat(fx.result(id)).isEqualTo("rejected");
        assertThat(reminders(id)).isEmpty();
    }

    private void at(Instant start, int minutes) {
        engine.getClock().setCurrentTime(Date.from(start.plus(Duration.ofMinutes(minutes))));
    }

    private List<Job> due(String id) {
        return managementService.createTimerJobQuery().processInstanceId(id).executable().list();
    }

    private void runDue(String id) {
        List<Job> due = due(id);
        assertThat(due).as("a timer is due").isNotEmpty();
        for (Job timer : due) {
            managementService.executeJob(managementService.moveTimerToExecutableJob(timer.getId()).getId());
        }
    }

    private List<LogEntry> reminders(String id) {
        return sendLog.search(new LogFilter(null, null, null, id, null, null), 0, 500).items().stream()
                .filter(e -> "approval-reminder".equals(e.templateCode()))
                .toList();
    }
}
