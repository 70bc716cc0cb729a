package io.opsflow.messaging.delivery;

import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.job.service.JobHandler;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.variable.api.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The Flowable job type that delivers one message; the engine module registers every
 * {@link JobHandler} bean. Must not depend on Flowable's services (they are built after it).
 */
@Component
class DeliveryJobHandler implements JobHandler {

    private final Deliverer deliverer;

    DeliveryJobHandler(Deliverer deliverer) {
        this.deliverer = deliverer;
    }

    @Override
    public String getType() {
        return DeliveryJobs.HANDLER_TYPE;
    }

    @Override
    public void execute(JobEntity job, String configuration, VariableScope scope, CommandContext context) {
        String messageId = DeliveryJobs.messageId(configuration);
        deliverer.attempt(messageId, retryAt -> DeliveryJobs.schedule(context, messageId, retryAt));
    }
}
