package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.order;
import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.delivery.LogEntry;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.AuditEntry;
import io.opsflow.workorder.order.ChecklistItem;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped {@code processes/work-order.bpmn20.xml}, path by path (escalation: {@link WorkOrderEscalationProcessTest}). */
@OpsflowIntegrationTest
class WorkOrderProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WorkOrderFixtures fixtures;
    @Autowired WorkOrderStore store;
    @Autowired AssignmentAudit audit;
    @Autowired WorkOrderProcess workOrders;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired SendLog sendLog;

    @Test
    void anElectricianTaskGoesToTheMatchingIdleElectricianWithTheReasonStored() throws Exception {
        String electrician = skill("电工");
        String busySkill = skill("busy");
        String idle = fixtures.staff("idle-electrician", electrician);
        String busy = fixtures.staff("busy-electrician", electrician, busySkill);
        fixtures.staff("plumber", skill("水电"));
        fixtures.disabledStaff("retired-electrician", electrician);
        fixtures.start("sup", order("Earlier job 1", busySkill, Instant.now().plus(Duration.ofDays(1))));
        fixtures.start("sup", order("Earlier job 2", busySkill, Instant.now().plus(Duration.ofDays(1))));

        String id = fixtures.start("sup", order("Replace the corridor light", electrician, Instant.now().plus(Duration.ofHours(4))));

        Task perform = onlyTask(id);
        assertThat(perform.getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        assertThat(perform.getAssignee()).isEqualTo(idle);
        WorkOrder order = orderOf(id);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(order.assignee()).isEqualTo(idle);
        assertThat(order.number()).matches("WO-\\d{6}");
        JsonNode why = JSON.readTree(order.explanation());
        assertThat(why.get("chosen").asText()).isEqualTo(idle);
        assertThat(why.get("candidateCount").asInt()).isEqualTo(2);
        assertThat(why.get("weights").get("skill").asDouble()).isEqualTo(0.6);
        JsonNode first = why.get("candidates").get(0);
        JsonNode second = why.get("candidates").get(1);
        assertThat(first.get("userId").asText()).isEqualTo(idle);
        assertThat(first.get("load").asDouble()).isEqualTo(1.0);
        assertThat(first.get("performance").asDouble()).isEqualTo(0.5);
        assertThat(first.get("score").asDouble()).isEqualTo(0.95);
        assertThat(second.get("userId").asText()).isEqualTo(busy);
        assertThat(second.get("openWorkOrders").asInt()).isEqualTo(2);
        assertThat(second.get("load").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(audit.of(order.id())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuditEntry.AUTO);
            assertThat(a.toUser()).isEqualTo(idle);
        });
        assertThat(logged(id, "work-order-assigned")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.recipient()).isEqualTo(idle);
            assertThat(e.activityId()).isEqualTo("Service_NotifyAssignee");
        });
    }

    @Test
    void withoutACandidateTheOrderWaitsForASupervisorToDispatchIt() {
        String onlyTheRetiredHaveIt = skill("木工");
        fixtures.disabledStaff("retired-carpenter", onlyTheRetiredHaveIt);
        String carpenter = fixtures.staff("carpenter", skill("other"));
        String supervisor = fixtures.supervisor();

        String id = fixtures.start(supervisor, order("Fix the cupboard", onlyTheRetiredHaveIt, Instant.now().plus(Duration.ofHours(2))));

        Task dispatch = onlyTask(id);
        assertThat(dispatch.getTaskDefinitionKey()).isEqualTo("Task_ManualDispatch");
        assertThat(taskService.createTaskQuery().taskId(dispatch.getId()).taskCandidateGroup("supervisor").count()).isEqualTo(1);
        WorkOrder waiting = orderOf(id);
        assertThat(waiting.status()).isEqualTo(WorkOrderStatus.WAITING_DISPATCH);
        assertThat(waiting.assignee()).isNull();
        assertThat(waiting.explanation()).contains("\"candidateCount\":0");

        WorkOrder dispatched = workOrders.reassign(waiting, carpenter, "knows cupboards", supervisor);

        assertThat(dispatched.status()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(dispatched.assignee()).isEqualTo(carpenter);
        Task perform = onlyTask(id);
        assertThat(perform.getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        assertThat(perform.getAssignee()).isEqualTo(carpenter);
        assertThat(audit.of(waiting.id())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuditEntry.DISPATCH);
            assertThat(a.changedBy()).isEqualTo(supervisor);
            assertThat(a.reason()).isEqualTo("knows cupboards");
        });
    }

    @Test
    void aRejectedSubmissionComesBackToTheSameStaffAndAnAcceptedOneIsArchivedForGood() {
        String mason = skill("泥瓦");
        String worker = fixtures.staff("mason", mason);
        String other = fixtures.staff("other-mason", skill("x"));
        Map<String, Object> variables = order(null, mason, Instant.now().plus(Duration.ofHours(3)));
        variables.put("templateCode", "floor-repair");

        String id = fixtures.start("sup", variables);

        WorkOrder order = orderOf(id);
        assertThat(order.title()).isEqualTo("地面维修");
        assertThat(store.checklist(order.id())).extracting(ChecklistItem::text).containsExactly("勘察现场", "准备材料", "施工", "清理");
        submit(id, worker);
        assertThat(orderOf(id).status()).isEqualTo(WorkOrderStatus.SUBMITTED);
        assertThat(store.checklist(order.id())).allMatch(ChecklistItem::done);
        Task accept = onlyTask(id);
        assertThat(accept.getTaskDefinitionKey()).isEqualTo("Task_AcceptWork");
        assertThat(taskService.createTaskQuery().taskId(accept.getId()).taskCandidateGroup("supervisor").count()).isEqualTo(1);

        workOrders.decide(orderOf(id), false, "边缘不平", "sup");

        Task again = onlyTask(id);
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        assertThat(again.getAssignee()).isEqualTo(worker);
        assertThat(runtimeService.getVariable(id, "reworkComment")).isEqualTo("边缘不平");
        assertThat(orderOf(id).reworkCount()).isEqualTo(1);
        assertThat(orderOf(id).status()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(store.checklist(order.id())).noneMatch(ChecklistItem::done);

        submit(id, worker);
        WorkOrder archived = workOrders.decide(orderOf(id), true, "good", "sup");

        assertThat(archived.status()).isEqualTo(WorkOrderStatus.ARCHIVED);
        assertThat(archived.reworkCount()).isEqualTo(1);
        assertThat(archived.archivedAt()).isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime()).isNotNull();
        // Activities of one transaction share a start time, so the steps are compared as a multiset.
        assertThat(path(id)).containsExactlyInAnyOrder("Start_WorkOrderCreated", "Service_AssignWorkOrder", "Gateway_CandidateFound",
                "Service_NotifyAssignee", "Task_PerformWork", "Service_RecordSubmission", "Service_NotifySupervisors", "Task_AcceptWork",
                "Gateway_Accepted", "Service_RecordRework", "Task_PerformWork", "Service_RecordSubmission", "Service_NotifySupervisors",
                "Task_AcceptWork", "Gateway_Accepted", "Service_ArchiveWorkOrder", "End_Archived");
        assertThatThrownBy(() -> workOrders.reassign(archived, other, "too late", "sup")).isInstanceOf(WorkOrderConflict.class);
        assertThatThrownBy(() -> workOrders.decide(archived, false, "again", "sup")).isInstanceOf(WorkOrderConflict.class);
        assertThat(orderOf(id).assignee()).isEqualTo(worker);
    }

    @Test
    void aFailingNotificationNeverBlocksTheWorkOrder() {
        String electrician = skill("电工");
        String worker = fixtures.staff("electrician", electrician);
        Map<String, Object> variables = order("Socket sparks", electrician, Instant.now().plus(Duration.ofHours(1)));
        variables.put("messageChannel", "no-such-channel");

        String id = fixtures.start("sup", variables);

        assertThat(onlyTask(id).getAssignee()).isEqualTo(worker);
        assertThat(logged(id, "work-order-assigned")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.error()).contains("unknown channel");
        });
    }

    @Test
    void badStartVariablesRefuseTheProcessAndStoreNothing() {
        String unknownSkill = skill("no-one-has-this");
        assertThatThrownBy(() -> fixtures.start("sup", order("Mystery", unknownSkill, Instant.now())))
                .hasMessageContaining("unknown skill '" + unknownSkill + "'");
        Map<String, Object> badTemplate = order("x", skill("y"), Instant.now());
        badTemplate.put("skills", List.of());
        badTemplate.put("templateCode", "no-such-template");
        assertThatThrownBy(() -> fixtures.start("sup", badTemplate)).hasMessageContaining("unknown template 'no-such-template'");
        assertThat(store.search(null, null, null, 500)).noneMatch(o -> o.title().equals("Mystery"));
    }

    private void submit(String processInstanceId, String worker) {
        Task perform = onlyTask(processInstanceId);
        assertThat(perform.getAssignee()).isEqualTo(worker);
        taskService.complete(perform.getId(), Map.of("checklistDone", true, "workNotes", "done"));
    }

    private Task onlyTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private WorkOrder orderOf(String processInstanceId) {
        return store.find((String) runtimeOrHistoricVariable(processInstanceId, "workOrderId")).orElseThrow();
    }

    private Object runtimeOrHistoricVariable(String processInstanceId, String name) {
        var historic = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).singleResult();
        return historic.getValue();
    }

    private List<LogEntry> logged(String processInstanceId, String template) {
        return sendLog.search(new LogFilter(null, null, null, processInstanceId, template, null), 0, 200).items();
    }

    private List<String> path(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderByHistoricActivityInstanceId().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(a -> !a.startsWith("Flow_"))
                // The boundary timers are listed whenever the work task waits; the escalation test covers them.
                .filter(a -> !a.startsWith("Timer_"))
                .toList();
    }
}
