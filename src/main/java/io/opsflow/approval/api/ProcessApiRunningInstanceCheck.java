package io.opsflow.approval.api;

import io.opsflow.approval.run.ApprovalDefinitions;
import io.opsflow.engine.RunningInstanceCheck;
import io.opsflow.platform.CurrentUser;
import java.util.Collection;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * What {@code /process-api} may not do to a running approval:
 * <ul>
 *   <li>Write its variables — its routing (amounts the conditions read, approvers, votes, outcome) and its form values
 *       as checked at the start or resubmission (decision 0078) — as instance, execution or task variables, or with a
 *       task completion: that would skip a branch or change what was approved without the form check or a timeline
 *       entry, so only admins may; everyone else is pointed to {@code /api/v1/approvals}.
 *   <li>Complete the task returned to its starter (task action {@code complete}, or its form submitted), which would
 *       resubmit it with no form check, no timeline entry and no outcome: refused for everyone, naming
 *       {@code POST /api/v1/approvals/tasks/{t}/resubmit}. A task the caller may not see stays a 404.
 * </ul>
 */
@Component
class ProcessApiRunningInstanceCheck implements RunningInstanceCheck {

    @Override
    public Optional<String> refuseVariables(ProcessDefinition definition, CurrentUser user, Collection<String> names) {
        if (!ApprovalDefinitions.isApproval(definition) || user.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of("the variables of a running approval are not changed through /process-api: act on it with"
                + " /api/v1/approvals (approve, reject, return, resubmit), which checks its form and records the step");
    }

    @Override
    public Optional<String> refuseCompletion(ProcessDefinition definition, Task task, CurrentUser user) {
        if (!ApprovalDefinitions.isApproval(definition) || !ApprovalDefinitions.STARTER_NODE.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        return Optional.of("This approval was returned to its starter: resubmit it with POST /api/v1/approvals/tasks/"
                + task.getId() + "/resubmit, which checks the values against the approval's form, or cancel it. It is not"
                + " completed through /process-api.");
    }
}
