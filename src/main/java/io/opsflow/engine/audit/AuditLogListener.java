package io.opsflow.engine.audit;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what to which task or process instance, one line per event on the {@code io.opsflow.audit}
 * logger, written only after the transaction committed (a rolled-back completion is not audited).
 */
class AuditLogListener implements FlowableEventListener {

    private static final Logger audit = LoggerFactory.getLogger("io.opsflow.audit");

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event.getType() instanceof FlowableEngineEventType type) || !(event instanceof FlowableEntityEvent entityEvent)) {
            return;
        }
        String user = Authentication.getAuthenticatedUserId() == null ? "system" : Authentication.getAuthenticatedUserId();
        Object entity = entityEvent.getEntity();
        if (entity instanceof Task task) {
            audit.info("user={} action={} task={} name=\"{}\" assignee={} processInstance={}", user, type, task.getId(),
                    task.getName(), task.getAssignee(), task.getProcessInstanceId());
        } else if (entity instanceof ProcessInstance instance) {
            audit.info("user={} action={} processInstance={} definition={} businessKey={}", user, type, instance.getProcessInstanceId(),
                    instance.getProcessDefinitionId(), instance.getBusinessKey());
        }
    }

    @Override
    public boolean isFailOnException() {
        return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return true;
    }

    @Override
    public String getOnTransaction() {
        return TransactionState.COMMITTED.name();
    }
}
