package io.opsflow.workorder.process;

import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.Recipient;
import io.opsflow.platform.StaffSkills;
import io.opsflow.workorder.order.AssignmentAudit;
import io.opsflow.workorder.order.AuditEntry;
import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.NewWorkOrder;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.work.WorkOnOrder;
import io.opsflow.workorder.work.WorkStore;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to a work order from outside its tasks: start its process, reassign it (audited)
 * and accept or reject the submitted work. Flowable stays behind this class; callers see work orders.
 */
@Component
public class WorkOrderProcess {

    public static final String PROCESS_KEY = "work-order";
    static final String MANUAL_DISPATCH = "Task_ManualDispatch";
    static final String PERFORM_WORK = "Task_PerformWork";
    static final String ACCEPT_WORK = "Task_AcceptWork";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final WorkOrderStore store;
    private final AssignmentAudit audit;
    private final StaffSkills staffSkills;
    private final Messages messages;
    private final EmergencyTemplates templates;
    private final Clock clock;
    private final WorkStore work;

    WorkOrderProcess(RuntimeService runtimeService, TaskService taskService, WorkOrderStore store,
            AssignmentAudit audit, StaffSkills staffSkills, Messages messages, EmergencyTemplates templates, Clock clock,
            WorkStore work) {
        this.work = work;
        this.templates = templates;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.store = store;
        this.audit = audit;
        this.staffSkills = staffSkills;
        this.messages = messages;
    }

    /**
     * An emergency work order from a template, stored and assigned in one transaction: title defaults
     * to the template name and priority to 50; the location is required and the due time must lie ahead.
     */
    @Transactional
    public WorkOrder createFromTemplate(String templateCode, String title, String location, Integer priority, Instant dueAt,
            String by) {
        EmergencyTemplate template = templates.require(templateCode);
        if (location == null || location.isBlank()) {
            throw new InvalidWorkOrderInput("location is required");
        }
        if (dueAt == null || dueAt.isBefore(clock.instant())) {
            throw new InvalidWorkOrderInput("dueAt is required and must be in the future (ISO-8601, e.g. 2026-12-01T18:00:00Z)");
        }
        String name = title == null || title.isBlank() ? template.name() : title;
        WorkOrder created = store.create(new NewWorkOrder(name, template.code(), location, template.skills(), template.checklist(),
                priority == null ? 50 : priority, dueAt, by));
        return start(created, by);
    }

    /** Starts the process for a stored order; assignment runs in the caller's transaction. */
    @Transactional
    public WorkOrder start(WorkOrder order, String startedBy) {
        as(startedBy, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, order.number(), Map.of("workOrderId", order.id())));
        return store.find(order.id()).orElseThrow();
    }

    /**
     * Starts the process for a stored order <b>asynchronously</b>, for orders nobody is waiting on (a
     * recurring plan's cycle, decision 0069): the process instance and one async job are written in the
     * caller's transaction and the order is linked to the instance at once; assignment, notification and
     * the first task run later in that job, in a short transaction of their own. A rollback of the
     * caller's transaction takes the instance and its job with it.
     */
    @Transactional
    public WorkOrder startInBackground(WorkOrder order, String startedBy) {
        String[] instance = new String[1];
        as(startedBy, () -> instance[0] = runtimeService.createProcessInstanceBuilder().processDefinitionKey(PROCESS_KEY)
                .businessKey(order.number()).variable("workOrderId", order.id()).startAsync().getId());
        store.linkProcess(order.id(), instance[0]);
        return order;
    }

    /**
     * Gives the order to another active staff member. Waiting for dispatch, it completes the dispatch
     * task; otherwise it moves the open work task. Archived orders are refused.
     */
    @Transactional
    public WorkOrder reassign(WorkOrder stale, String to, String reason, String by) {
        WorkOrder order = locked(stale);
        if (order.status() == WorkOrderStatus.ARCHIVED) {
            throw new WorkOrderConflict("work order " + order.number() + " is archived and can no longer change");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidWorkOrderInput("a reassignment needs a reason (at most 2000 characters)");
        }
        if (!staffSkills.isActiveStaff(to)) {
            throw new InvalidWorkOrderInput("'" + to + "' is not an active staff member");
        }
        if (order.status() == WorkOrderStatus.WAITING_DISPATCH) {
            Task dispatch = task(order, MANUAL_DISPATCH).orElseThrow(() -> new WorkOrderConflict("work order " + order.number() + " is not waiting for dispatch"));
            Map<String, Object> variables = new HashMap<>();
            variables.put("assignee", to);
            variables.put("dispatchReason", reason.trim());
            complete(order, dispatch, variables, by);
            return store.find(order.id()).orElseThrow();
        }
        if (!store.reassign(order.id(), to)) {
            throw new WorkOrderConflict("work order " + order.number() + " is archived and can no longer change");
        }
        audit.record(order.id(), AuditEntry.OVERRIDE, order.assignee(), to, by, reason.trim());
        if (order.processInstanceId() != null) {
            runtimeService.setVariable(order.processInstanceId(), "assignee", to);
            task(order, PERFORM_WORK).ifPresent(task -> taskService.setAssignee(task.getId(), to));
        }
        messages.send(MessageRequest.of("work-order-assigned", java.util.List.of(Recipient.user(to)), Map.of(
                        "workOrderId", order.id(), "workOrderNumber", order.number(), "title", order.title(),
                        "location", order.location() == null ? "" : order.location(), "dueAt", order.dueAt()))
                .forTask(order.processInstanceId(), null));
        return store.find(order.id()).orElseThrow();
    }

    /**
     * The assignee submits: every checklist step must be ticked and 1 to the configured most photos of
     * this round uploaded (400 naming what is missing); then the work task completes with the notes.
     */
    @Transactional
    public WorkOrder submitWork(WorkOrder stale, String notes, String by) {
        WorkOrder order = locked(stale);
        WorkOnOrder.requireWorkable(order, by);
        if (!work.progress(order.id()).started()) {
            throw new WorkOrderConflict("Tap Start before submitting " + order.number() + ".");
        }
        if (notes != null && notes.length() > 4000) {
            throw new InvalidWorkOrderInput("notes have at most 4000 characters");
        }
        List<String> missing = store.checklist(order.id()).stream().filter(item -> !item.done())
                .map(item -> item.position() + ". " + item.text()).toList();
        if (!missing.isEmpty()) {
            throw new InvalidWorkOrderInput("Tick every checklist step first; not done yet: " + String.join(" · ", missing));
        }
        int photos = work.photoCount(order.id(), order.reworkCount());
        if (photos < 1) {
            throw new InvalidWorkOrderInput("Add at least one photo of the finished work.");
        }
        Task perform = task(order, PERFORM_WORK)
                .orElseThrow(() -> new WorkOrderConflict("work order " + order.number() + " has no open work task"));
        String trimmed = notes == null ? "" : notes.trim();
        work.saveNotes(order.id(), trimmed.isEmpty() ? null : trimmed);
        Map<String, Object> variables = new HashMap<>();
        variables.put("checklistDone", true);
        variables.put("workNotes", trimmed);
        variables.put("photoCount", photos);
        complete(order, perform, variables, by);
        return store.find(order.id()).orElseThrow();
    }

    /** Completes the acceptance task; the loser of two simultaneous decisions gets a conflict. A rejection needs a comment. */
    @Transactional
    public WorkOrder decide(WorkOrder stale, boolean accepted, String comment, String by) {
        if (!accepted && (comment == null || comment.isBlank())) {
            throw new InvalidWorkOrderInput("a rejection needs a comment telling what to redo");
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidWorkOrderInput("the comment has at most 2000 characters");
        }
        WorkOrder order = locked(stale);
        if (order.status() != WorkOrderStatus.SUBMITTED) {
            throw new WorkOrderConflict("work order " + order.number() + " is not waiting for acceptance");
        }
        Task accept = task(order, ACCEPT_WORK)
                .orElseThrow(() -> new WorkOrderConflict("work order " + order.number() + " is not waiting for acceptance"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("acceptance", accepted ? "accepted" : "rejected");
        variables.put("acceptanceComment", comment == null ? "" : comment.trim());
        complete(order, accept, variables, by);
        return store.find(order.id()).orElseThrow();
    }

    /**
     * Completes a task; a domain refusal from a step inside (wrapped by the engine) comes out as itself,
     * and losing a race against another person completing the same task comes out as a conflict.
     */
    private void complete(WorkOrder order, Task task, Map<String, Object> variables, String by) {
        try {
            as(by, () -> taskService.complete(task.getId(), variables));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof WorkOrderConflict || t instanceof InvalidWorkOrderInput) {
                    throw (RuntimeException) t;
                }
                if (t instanceof FlowableOptimisticLockingException || t instanceof FlowableObjectNotFoundException
                        || t instanceof SQLTransientException) {
                    throw new WorkOrderConflict("work order " + order.number() + " was handled by someone else at the same time");
                }
            }
            throw e;
        }
    }

    /** The current state of the order, with its row locked; a lock that cannot be had in time means someone else is at it. */
    private WorkOrder locked(WorkOrder order) {
        try {
            return store.lock(order.id()).orElseThrow(() -> new WorkOrderConflict("work order " + order.number() + " no longer exists"));
        } catch (TransientDataAccessException e) {
            throw new WorkOrderConflict("work order " + order.number() + " is being changed by someone else; reload it");
        }
    }

    private Optional<Task> task(WorkOrder order, String definitionKey) {
        if (order.processInstanceId() == null) {
            return Optional.empty();
        }
        return taskService.createTaskQuery().processInstanceId(order.processInstanceId()).taskDefinitionKey(definitionKey).list()
                .stream().findFirst();
    }

    /**
     * Runs engine calls as the user, so starters and the audit name the person. With Spring Security
     * present Flowable keeps that user in the Spring SecurityContext, which would log a web session
     * out; the caller's own authentication is put back afterwards.
     */
    private void as(String userId, Runnable action) {
        SecurityContext context = SecurityContextHolder.getContext();
        org.springframework.security.core.Authentication caller = context.getAuthentication();
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(userId);
        try {
            action.run();
        } finally {
            Authentication.setAuthenticatedUserId(previous);
            context.setAuthentication(caller);
            SecurityContextHolder.setContext(context);
        }
    }
}
