package io.opsflow.approval.timeout;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.bpmn.ApprovalElements;
import io.opsflow.approval.bpmn.ApprovalTally;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${approvalTimeoutStep}} after a node's final timeout timer: forces the node's result
 * ({@code <nodeId>_forced}) and completes one open task of the node with {@code approvalOutcome} and
 * {@code approvalActor = system:timeout}; that completion decides the node, and the multi-instance's
 * completion condition ends the node's other open tasks.
 */
@Component("approvalTimeoutStep")
public class ApprovalTimeoutStep implements JavaDelegate {

    private final TaskService taskService;

    ApprovalTimeoutStep(@Lazy TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String nodeId = ApprovalElements.nodeOf(execution.getCurrentActivityId(), "_timeout");
        ApproverNode node = ApprovalElements.approver(execution.getProcessDefinitionId(), nodeId);
        if (node.timeout() == null || node.timeout().action() == TimeoutAction.NONE) {
            return;
        }
        String outcome = node.timeout().action() == TimeoutAction.AUTO_APPROVE ? ApprovalConventions.APPROVED
                : ApprovalConventions.REJECTED;
        Task open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(nodeId).orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
        if (open == null) {
            return;
        }
        execution.setVariable(ApprovalTally.forced(nodeId), outcome);
        execution.setVariable(ApprovalConventions.auto(nodeId), "timeout:" + (outcome.equals(ApprovalConventions.APPROVED)
                ? "autoApprove" : "autoReject"));
        taskService.setVariablesLocal(open.getId(), Map.of(ApprovalConventions.OUTCOME, outcome,
                ApprovalConventions.ACTOR, ApprovalConventions.TIMEOUT_ACTOR));
        taskService.complete(open.getId());
    }
}
