package io.opsflow.approval.bpmn;

import static io.opsflow.approval.ApprovalConventions.APPROVED;
import static io.opsflow.approval.ApprovalConventions.REJECTED;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ApproverNode;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.TaskService;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${approvalTally}}. As the complete-listener of an approver task it counts the task-local
 * {@code approvalOutcome} into {@code <nodeId>_approved}/{@code _rejected}, decides
 * {@code <nodeId>_result} by the node's method ({@link Votes}) and remembers who approved; as the
 * start-listener of an end event it sets {@code approvalResult} (a terminate end means rejected).
 */
@Component("approvalTally")
public class ApprovalTally implements TaskListener, ExecutionListener {

    /** Set by the timeout step: the node's result regardless of the votes. */
    public static String forced(String nodeId) {
        return nodeId + "_forced";
    }

    private final TaskService taskService;

    ApprovalTally(@Lazy TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariableLocal(ApprovalConventions.OUTCOME);
        if (!APPROVED.equals(outcome) && !REJECTED.equals(outcome)) {
            throw new FlowableIllegalArgumentException(
                    "An approval task is completed with the task-local variable approvalOutcome set to approved or rejected.");
        }
        String nodeId = task.getTaskDefinitionKey();
        ApproverNode node = ApprovalElements.approver(task.getProcessDefinitionId(), nodeId);
        Object actor = task.getVariableLocal(ApprovalConventions.ACTOR);
        boolean bySystem = actor != null && String.valueOf(actor).startsWith("system:");
        if (node.commentRequired() && !bySystem && taskService.getTaskComments(task.getId()).isEmpty()) {
            throw new FlowableIllegalArgumentException("This approval step needs a comment.");
        }
        ExecutionEntity child = CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
        ExecutionEntity root = child.getParent() != null && child.getParent().isMultiInstanceRoot() ? child.getParent() : child;
        int approved = count(root.getVariable(ApprovalConventions.approvedCount(nodeId))) + (APPROVED.equals(outcome) ? 1 : 0);
        int rejected = count(root.getVariable(ApprovalConventions.rejectedCount(nodeId))) + (REJECTED.equals(outcome) ? 1 : 0);
        root.setVariable(ApprovalConventions.approvedCount(nodeId), approved);
        root.setVariable(ApprovalConventions.rejectedCount(nodeId), rejected);
        Object forced = root.getVariable(forced(nodeId));
        int total = Math.max(1, count(root.getVariableLocal("nrOfInstances")));
        String result = forced != null ? String.valueOf(forced) : Votes.decide(node.method(), node.ratio(), total, approved, rejected);
        root.setVariable(ApprovalConventions.result(nodeId), result);
        if (APPROVED.equals(outcome) && task.getAssignee() != null) {
            List<String> by = new ArrayList<>();
            if (root.getVariable(ApprovalConventions.APPROVED_BY) instanceof List<?> earlier) {
                earlier.forEach(u -> by.add(String.valueOf(u)));
            }
            if (!by.contains(task.getAssignee())) {
                by.add(task.getAssignee());
            }
            root.setVariable(ApprovalConventions.APPROVED_BY, by);
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        boolean rejected = execution.getCurrentFlowElement() instanceof EndEvent end
                && end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance);
        execution.setVariable(ApprovalConventions.RESULT, rejected ? REJECTED : APPROVED);
    }

    private static int count(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
