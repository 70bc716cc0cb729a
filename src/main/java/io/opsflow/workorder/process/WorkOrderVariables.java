package io.opsflow.workorder.process;

import io.opsflow.workorder.order.ChecklistItem;
import io.opsflow.workorder.order.WorkOrder;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.flowable.engine.delegate.DelegateExecution;

/**
 * The process variables the BPMN, its forms and its message templates read, written from the stored
 * work order: workOrderId, workOrderNumber, title, location, priority, dueAt and escalateAt (dates for
 * the timers), skillsText, checklistText, assignee, candidateFound and reworkCount.
 */
final class WorkOrderVariables {

    private WorkOrderVariables() {}

    static void write(DelegateExecution execution, WorkOrder order, List<ChecklistItem> checklist, Duration secondLevelAfter) {
        execution.setVariable("workOrderId", order.id());
        execution.setVariable("workOrderNumber", order.number());
        execution.setVariable("title", order.title());
        execution.setVariable("location", order.location() == null ? "" : order.location());
        execution.setVariable("priority", order.priority());
        execution.setVariable("dueAt", Date.from(order.dueAt()));
        execution.setVariable("escalateAt", Date.from(order.dueAt().plus(secondLevelAfter)));
        execution.setVariable("skillsText", String.join(", ", order.skills()));
        execution.setVariable("checklistText", checklist.stream()
                .map(item -> item.position() + ". " + item.text())
                .collect(Collectors.joining("\n")));
        execution.setVariable("assignee", order.assignee());
        execution.setVariable("candidateFound", order.assignee() != null);
        execution.setVariable("reworkCount", order.reworkCount());
    }
}
