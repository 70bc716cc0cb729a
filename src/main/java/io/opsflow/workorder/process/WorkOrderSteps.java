package io.opsflow.workorder.process;

import io.opsflow.platform.StaffSkills;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.AuditEntry;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStore;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The small bookkeeping steps of {@code work-order.bpmn20.xml}, called as
 * {@code ${workOrderSteps.submitted(execution)}} and so on: each moves the stored work order on, guarded
 * by the status it expects, so the process and the record never disagree.
 */
@Component("workOrderSteps")
class WorkOrderSteps {

    private final WorkOrderStore store;
    private final AssignmentAudit audit;
    private final StaffSkills staffSkills;

    WorkOrderSteps(WorkOrderStore store, AssignmentAudit audit, StaffSkills staffSkills) {
        this.store = store;
        this.audit = audit;
        this.staffSkills = staffSkills;
    }

    /** After the manual dispatch task: the supervisor's pick becomes the assignee. */
    public void dispatched(DelegateExecution execution) {
        String id = id(execution);
        String assignee = (String) execution.getVariable("assignee");
        if (!staffSkills.isActiveStaff(assignee)) {
            throw new FlowableIllegalArgumentException("'" + assignee + "' is not an active staff member");
        }
        store.reassign(id, assignee);
        audit.record(id, AuditEntry.DISPATCH, null, assignee, Authentication.getAuthenticatedUserId(),
                (String) execution.getVariable("dispatchReason"));
        execution.setVariable("candidateFound", true);
    }

    public void submitted(DelegateExecution execution) {
        if (!store.markSubmitted(id(execution), Boolean.TRUE.equals(execution.getVariable("checklistDone")))) {
            throw new FlowableIllegalArgumentException("work order " + execution.getVariable("workOrderNumber") + " is not assigned");
        }
    }

    public void rework(DelegateExecution execution) {
        execution.setVariable("reworkCount", store.markRework(id(execution)));
        execution.setVariable("reworkComment", execution.getVariable("acceptanceComment"));
        execution.setVariable("checklistDone", false);
    }

    public void archived(DelegateExecution execution) {
        store.archive(id(execution));
    }

    /** True the first time the order reaches this overdue level while still being worked on. */
    public boolean escalated(DelegateExecution execution, int level) {
        boolean first = store.escalate(id(execution), level);
        if (first) {
            execution.setVariable("escalationLevel", level);
            WorkOrder order = store.find(id(execution)).orElseThrow();
            execution.setVariable("assignee", order.assignee());
        }
        return first;
    }

    private static String id(DelegateExecution execution) {
        return String.valueOf(execution.getVariable("workOrderId"));
    }
}
