package io.opsflow.messaging;

import io.opsflow.messaging.delivery.DeliveryJobs;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;

/** Runs delivery jobs by hand (the async executor is off in tests): no sleeping, no timing. */
public final class DeliveryDriver {

    private final ManagementService managementService;

    public DeliveryDriver(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Runs the executable delivery job of a message; returns the failure Flowable saw, if any. */
    public Optional<Throwable> runJob(String messageId) {
        Job job = only(managementService.createJobQuery().handlerType(DeliveryJobs.HANDLER_TYPE).list(), messageId)
                .orElseThrow(() -> new AssertionError("no executable delivery job for message " + messageId));
        try {
            managementService.executeJob(job.getId());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** Fires the scheduled retry of a message now, as if its backoff had passed. */
    public Optional<Throwable> runRetry(String messageId) {
        Job timer = scheduledRetry(messageId).orElseThrow(() -> new AssertionError("no scheduled retry for message " + messageId));
        managementService.moveTimerToExecutableJob(timer.getId());
        return runJob(messageId);
    }

    public Optional<Job> scheduledRetry(String messageId) {
        return only(managementService.createTimerJobQuery().handlerType(DeliveryJobs.HANDLER_TYPE).list(), messageId);
    }

    public Optional<Job> deadLetter(String messageId) {
        return only(managementService.createDeadLetterJobQuery().handlerType(DeliveryJobs.HANDLER_TYPE).list(), messageId);
    }

    public boolean hasExecutableJob(String messageId) {
        return only(managementService.createJobQuery().handlerType(DeliveryJobs.HANDLER_TYPE).list(), messageId).isPresent();
    }

    private static <J extends Job> Optional<J> only(List<J> jobs, String messageId) {
        return jobs.stream().filter(j -> j.getJobHandlerConfiguration().contains("\"" + messageId + "\"")).findFirst();
    }
}
