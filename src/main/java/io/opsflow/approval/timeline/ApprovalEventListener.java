package io.opsflow.approval.timeline;

import io.opsflow.approval.notify.ApprovalNotifications;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records on the timeline what the engine does on approval definitions by itself — a node reached
 * (task created, with its approver notified), a task completed outside the approval operations (a
 * timeout's auto decision, the task list) and the approval finishing — in the engine's transaction.
 * Operations of run time record themselves; their completions carry {@code approvalActor}.
 */
class ApprovalEventListener implements FlowableEventListener {

    private final ObjectProvider<ActionLog> log;
    private final ObjectProvider<ApprovalNotifications> notifications;

    ApprovalEventListener(ObjectProvider<ActionLog> log, ObjectProvider<ApprovalNotifications> notifications) {
        this.log = log;
        this.notifications = notifications;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent)) {
            return;
        }
        if (event.getType() == FlowableEngineEventType.TASK_CREATED && entityEvent.getEntity() instanceof TaskEntity task) {
            taskCreated(task);
        } else if (event.getType() == FlowableEngineEventType.TASK_COMPLETED && entityEvent.getEntity() instanceof TaskEntity task) {
            taskCompleted(task);
        } else if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED && entityEvent.getEntity() instanceof ExecutionEntity pi) {
            finished(pi);
        }
    }

    private void taskCreated(TaskEntity task) {
        ProcessDefinition definition = approval(task.getProcessDefinitionId());
        if (definition == null) {
            return;
        }
        log.getObject().record(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), ActionKind.TASK_CREATED, "system",
                task.getAssignee(), task.getName(), null);
        if (task.getAssignee() != null) {
            notifications.getObject().send(ApprovalNotifications.TASK_ASSIGNED, List.of(task.getAssignee()),
                    Authentication.getAuthenticatedUserId(), task.getProcessInstanceId(), task.getId(),
                    Map.of("approvalName", name(definition), "starter", text(task.getVariable("approvalStarter")),
                            "nodeName", Objects.toString(task.getName(), task.getTaskDefinitionKey())));
        }
    }

    private void taskCompleted(TaskEntity task) {
        if (approval(task.getProcessDefinitionId()) == null) {
            return;
        }
        Object actor = task.getVariableLocal("approvalActor");
        if (actor != null && !actor.toString().startsWith("system:")) {
            return; // an approval operation, recorded by itself
        }
        String who = actor != null ? actor.toString() : Objects.toString(Authentication.getAuthenticatedUserId(), task.getAssignee());
        log.getObject().record(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), ActionKind.AUTO_COMPLETED,
                who, task.getAssignee(), text(task.getVariableLocal("approvalOutcome")), null);
    }

    private void finished(ExecutionEntity instance) {
        ProcessDefinition definition = approval(instance.getProcessDefinitionId());
        if (definition == null) {
            return;
        }
        Object result = instance.getVariable("approvalResult");
        String outcome = result != null ? result.toString() : "approved";
        log.getObject().record(instance.getId(), null, null, ActionKind.FINISHED, "system", null, outcome, null);
        Object starter = instance.getVariable("approvalStarter");
        if (starter != null) {
            notifications.getObject().send(ApprovalNotifications.FINISHED, List.of(starter.toString()), null, instance.getId(), null,
                    Map.of("approvalName", name(definition), "result", outcome));
        }
    }

    private static ProcessDefinition approval(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        ProcessDefinition definition = ProcessDefinitionUtil.getProcessDefinition(processDefinitionId);
        return io.opsflow.approval.run.ApprovalDefinitions.isApproval(definition) ? definition : null;
    }

    private static String name(ProcessDefinition definition) {
        return io.opsflow.approval.run.ApprovalDefinitions.nameOf(definition);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
