package io.opsflow.approval.api;

import io.opsflow.approval.run.ApprovalDefinitions;
import io.opsflow.engine.RunningVariablesCheck;
import io.opsflow.platform.CurrentUser;
import java.util.Collection;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * A running approval's variables are its routing (amounts the conditions read, approvers, votes, outcome) and its form
 * values as checked at the start or resubmission (decision 0078). Writing them through {@code /process-api} — as
 * instance, execution or task variables, or with a task completion — would skip a branch or change what was approved
 * without the form check or a timeline entry, so only admins may; everyone else is pointed to {@code /api/v1/approvals}.
 */
@Component
class ProcessApiRunningVariablesCheck implements RunningVariablesCheck {

    @Override
    public Optional<String> refuse(ProcessDefinition definition, CurrentUser user, Collection<String> names) {
        if (definition == null || !ApprovalDefinitions.isApproval(definition) || user.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of("the variables of a running approval are not changed through /process-api: act on it with"
                + " /api/v1/approvals (approve, reject, return, resubmit), which checks its form and records the step");
    }
}
