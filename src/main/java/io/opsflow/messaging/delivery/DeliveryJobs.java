package io.opsflow.messaging.delivery;

import java.time.Instant;
import java.util.Date;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.springframework.stereotype.Component;

/**
 * Creates the Flowable job that delivers one logged message. The job is written in the caller's
 * transaction, so it exists exactly when the message row does, and runs only after that commit. It is
 * not linked to any execution: a process that ends before delivery must not delete it.
 */
@Component
public class DeliveryJobs {

    public static final String HANDLER_TYPE = "opsflow-message-delivery";

    private final ManagementService managementService;

    DeliveryJobs(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Delivers as soon as the caller commits, or not before {@code notBefore} (quiet hours). */
    public void enqueue(String messageId, Instant notBefore) {
        managementService.executeCommand((Command<Void>) context -> {
            schedule(context, messageId, notBefore);
            return null;
        });
    }

    static void schedule(CommandContext context, String messageId, Instant dueAt) {
        String configuration = configuration(messageId);
        if (dueAt == null) {
            var jobs = CommandContextUtil.getJobService(context);
            var job = jobs.createJob();
            job.setJobHandlerType(HANDLER_TYPE);
            job.setJobHandlerConfiguration(configuration);
            jobs.createAsyncJob(job, false);
            // Retrying is ours (backoff, status in the log); a throw from the handler means "dead letter".
            job.setRetries(1);
            jobs.scheduleAsyncJob(job);
        } else {
            var timers = CommandContextUtil.getTimerJobService(context);
            var timer = timers.createTimerJob();
            timer.setJobType(Job.JOB_TYPE_TIMER);
            timer.setJobHandlerType(HANDLER_TYPE);
            timer.setJobHandlerConfiguration(configuration);
            timer.setExclusive(false);
            timer.setRetries(1);
            timer.setDuedate(Date.from(dueAt));
            timers.scheduleTimerJob(timer);
        }
    }

    /** JSON, because Flowable reads a timer job's configuration as JSON when it fires. */
    static String configuration(String messageId) {
        return "{\"messageId\":\"" + messageId.replaceAll("[^A-Za-z0-9-]", "") + "\"}";
    }

    static String messageId(String configuration) {
        int start = configuration.indexOf(":\"") + 2;
        int end = configuration.indexOf('"', start);
        return start < 2 || end < 0 ? configuration : configuration.substring(start, end);
    }
}
