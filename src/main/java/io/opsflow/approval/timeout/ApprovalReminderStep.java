package io.opsflow.approval.timeout;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.bpmn.ApprovalElements;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.Recipient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.api.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${approvalReminderStep}} on each firing of a node's reminder timer: counts the reminder in
 * {@code <nodeId>_reminders} and sends template {@code approval-reminder} to every open task's
 * assignee through the messaging center (once per task and reminder number).
 */
@Component("approvalReminderStep")
public class ApprovalReminderStep implements JavaDelegate {

    public static final String TEMPLATE = "approval-reminder";

    private final Messages messages;
    private final TaskService taskService;

    ApprovalReminderStep(Messages messages, @Lazy TaskService taskService) {
        this.messages = messages;
        this.taskService = taskService;
    }

    public static String reminders(String nodeId) {
        return nodeId + "_reminders";
    }

    @Override
    public void execute(DelegateExecution execution) {
        String nodeId = ApprovalElements.nodeOf(execution.getCurrentActivityId(), "_remind");
        ApproverNode node = ApprovalElements.approver(execution.getProcessDefinitionId(), nodeId);
        int reminder = (execution.getVariable(reminders(nodeId)) instanceof Number n ? n.intValue() : 0) + 1;
        execution.setVariable(reminders(nodeId), reminder);
        List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(nodeId).list();
        String approvalName = ProcessDefinitionUtil.getProcess(execution.getProcessDefinitionId()).getName();
        for (Task task : open) {
            if (task.getAssignee() == null) {
                continue;
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("approvalName", approvalName == null ? "approval" : approvalName);
            variables.put("nodeName", node.name() == null ? nodeId : node.name());
            variables.put("starter", String.valueOf(execution.getVariable(ApprovalConventions.INITIATOR)));
            variables.put("reminder", reminder);
            variables.put("reminders", node.timeout() == null ? reminder : node.timeout().times());
            messages.send(MessageRequest.of(TEMPLATE, List.of(Recipient.user(task.getAssignee())), variables)
                    .forTask(execution.getProcessInstanceId(), task.getId())
                    .withIdempotencyKey("approval-reminder:" + task.getId() + ":" + reminder));
        }
    }
}
