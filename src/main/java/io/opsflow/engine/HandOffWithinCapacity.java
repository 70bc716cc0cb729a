package io.opsflow.engine;

import java.util.Calendar;
import java.util.GregorianCalendar;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.job.service.impl.asyncexecutor.DefaultJobManager;
import org.flowable.job.service.impl.persistence.entity.AbstractRuntimeJobEntity;
import org.flowable.job.service.impl.persistence.entity.JobEntity;

/**
 * Flowable's job manager, except that a command hands this node's executor only as many of its new
 * jobs as the executor's queue can still take. Flowable locks every job a command creates to the
 * node that created it and offers it to the local queue after commit; one signal to thousands of
 * waiting instances therefore locks thousands to one node, the queue refuses most, and they come free
 * only one by one (or when their lock expires). Jobs beyond the free capacity are written unlocked
 * instead, so the acquisition of any node — this one included, once its queue drains — takes them:
 * with two nodes the backlog is shared from the first second (B11 share, decision 0066).
 */
public class HandOffWithinCapacity extends DefaultJobManager {

    private static final String HANDED_OFF = HandOffWithinCapacity.class.getName() + ".handedOff";

    /** The engine gives the job service configuration when it builds its job service. */
    public HandOffWithinCapacity() {
        super(null);
    }

    @Override
    public void createAsyncJob(JobEntity job, boolean exclusive) {
        if (isAsyncExecutorActive() && takeSlot()) {
            internalCreateLockedAsyncJob(job, exclusive);
        } else {
            internalCreateAsyncJob(job, exclusive);
        }
    }

    /** A job left unlocked is not offered to the local queue: acquisition will find it in the table. */
    @Override
    protected void triggerExecutorIfNeeded(JobEntity job) {
        if (isAsyncExecutorActive() && job.getLockOwner() != null) {
            createHintListeners(getAsyncExecutor(), job);
        }
    }

    /** Timers that fall due (and retried dead letters) become executable jobs under the same rule. */
    @Override
    public JobEntity createExecutableJobFromOtherJob(AbstractRuntimeJobEntity other) {
        JobEntity executable = jobServiceConfiguration.getJobEntityManager().create();
        copyJobInfo(executable, other);
        if (isAsyncExecutorActive() && takeSlot()) {
            var lockUntil = new GregorianCalendar();
            lockUntil.setTime(jobServiceConfiguration.getClock().getCurrentTime());
            lockUntil.add(Calendar.MILLISECOND, getAsyncExecutor().getTimerLockTimeInMillis());
            executable.setLockExpirationTime(lockUntil.getTime());
            executable.setLockOwner(getAsyncExecutor().getLockOwner());
        }
        return executable;
    }

    private boolean takeSlot() {
        CommandContext command = Context.getCommandContext();
        Object handedOff = command == null ? null : command.getAttribute(HANDED_OFF);
        int taken = handedOff instanceof Integer count ? count : 0;
        if (taken >= getAsyncExecutor().getTaskExecutor().getRemainingCapacity()) {
            return false;
        }
        if (command != null) {
            command.addAttribute(HANDED_OFF, taken + 1);
        }
        return true;
    }
}
