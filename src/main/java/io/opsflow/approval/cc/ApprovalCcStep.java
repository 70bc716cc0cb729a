package io.opsflow.approval.cc;

import io.opsflow.approval.assignee.ApproverResolver;
import io.opsflow.approval.assignee.People;
import io.opsflow.approval.bpmn.ApprovalElements;
import io.opsflow.approval.model.CcNode;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** {@code ${approvalCcStep}}: a CC node records the approval in the CC inbox of its users, group members and form-field users. */
@Component("approvalCcStep")
public class ApprovalCcStep implements JavaDelegate {

    private final CcRecords records;
    private final People people;
    private final ProcessEngineConfiguration engine;

    ApprovalCcStep(CcRecords records, People people, @Lazy ProcessEngineConfiguration engine) {
        this.records = records;
        this.people = people;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CcNode node = ApprovalElements.cc(execution.getCurrentFlowElement());
        records.record(execution.getProcessInstanceId(), node.id(), receivers(node, execution), CcRecords.CC_NODE, null,
                engine.getClock().getCurrentTime().toInstant());
    }

    List<String> receivers(CcNode node, DelegateExecution execution) {
        List<String> users = new ArrayList<>(node.users());
        node.groups().forEach(g -> users.addAll(people.groupMembers(g)));
        if (node.formField() != null) {
            users.addAll(ApproverResolver.userIds(execution.getVariable(node.formField())));
        }
        return users.stream().distinct().filter(people::userExists).toList();
    }
}
