package io.opsflow.approval.assignee;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.bpmn.ApprovalElements;
import io.opsflow.approval.model.ApproverNode;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${approvalApprovers}} on the {@code <nodeId>_resolve} step before an approver node: resolves
 * the node's users ({@link ApproverResolver}) into {@code <nodeId>_approvers} and resets the node's
 * counters and result, so a node entered again (after a return) starts fresh.
 */
@Component("approvalApprovers")
public class ApprovalApprovers implements JavaDelegate {

    private final ApproverResolver resolver;

    ApprovalApprovers(People people) {
        this.resolver = new ApproverResolver(people);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String nodeId = ApprovalElements.nodeOf(execution.getCurrentActivityId(), "_resolve");
        ApproverNode node = ApprovalElements.approver(execution.getProcessDefinitionId(), nodeId);
        String initiator = (String) execution.getVariable(ApprovalConventions.INITIATOR);
        List<String> before = new ArrayList<>();
        if (execution.getVariable(ApprovalConventions.APPROVED_BY) instanceof List<?> approved) {
            approved.forEach(u -> before.add(String.valueOf(u)));
        }
        Resolution resolution = resolver.resolve(node, initiator, execution::getVariable, before);
        execution.setVariable(ApprovalConventions.approvers(nodeId), new ArrayList<>(resolution.approvers()));
        execution.setVariable(ApprovalConventions.approvedCount(nodeId), 0);
        execution.setVariable(ApprovalConventions.rejectedCount(nodeId), 0);
        execution.setVariable(ApprovalConventions.result(nodeId), resolution.result());
        execution.setVariable(ApprovalConventions.auto(nodeId), resolution.auto());
        execution.removeVariable(io.opsflow.approval.bpmn.ApprovalTally.forced(nodeId));
    }
}
