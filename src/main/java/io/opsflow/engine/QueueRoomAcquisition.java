package io.opsflow.engine;

import java.util.List;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AcquireAsyncJobsDueRunnable;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.flowable.job.service.impl.persistence.entity.JobInfoEntity;

/**
 * Flowable's async job acquisition, except that it does not sleep while work is waiting and its queue
 * has room again. Flowable 7.2 asks for as many jobs as the queue has room for (at most its maximum per
 * acquisition) and sleeps its full acquire wait (1 s here) when it got fewer than that maximum, and its
 * queue-full wait (5 s) when the queue had no room at all. On a node with a backlog both happen all the
 * time: the request was small because the queue was nearly full, not because the table was empty, and
 * the threads drain the queue long before the wait is over and then idle (B4, decision 0079). Here,
 * after such a cycle the acquisition waits only until the queue has room for a full acquisition again
 * (checking the in-memory queue every few milliseconds, never the database) and at most as long as
 * Flowable would have slept. A cycle that got fewer jobs than it asked for sleeps as before: the table
 * has no more due jobs.
 */
class QueueRoomAcquisition extends AcquireAsyncJobsDueRunnable {

    static final long SLICE_MILLIS = 10;

    private int capacityBefore;
    private int acquired = -1;
    private int rejected;
    private int largestCapacitySeen;
    private boolean waitForRoom;

    QueueRoomAcquisition(AbstractAsyncExecutor executor) {
        super(threadName(executor), executor, executor.getJobServiceConfiguration().getJobEntityManager(),
                executor.getAsyncJobsDueLifecycleListener(), executor.new AcquireAsyncJobsDueRunnableConfiguration());
    }

    /** Puts this acquisition in place of Flowable's before the executor starts; no-op once it has one. */
    static void install(AsyncExecutor asyncExecutor) {
        if (asyncExecutor instanceof AbstractAsyncExecutor executor && executor.getAsyncJobsDueRunnable() == null
                && executor.getJobServiceConfiguration() != null) {
            executor.setAsyncJobsDueRunnable(new QueueRoomAcquisition(executor));
        }
    }

    /**
     * Whether the cycle that just ran stopped short because of the queue rather than the table.
     *
     * @param capacityBefore the queue's room when the cycle began
     * @param maxPerAcquisition the most jobs one acquisition asks for
     * @param acquired how many jobs the acquisition got, or -1 when it did not get an answer
     * @param rejected how many of them the queue refused
     */
    static boolean stoppedByTheQueue(int capacityBefore, int maxPerAcquisition, int acquired, int rejected) {
        if (capacityBefore <= 0 || rejected > 0) {
            return true;
        }
        int asked = Math.min(capacityBefore, maxPerAcquisition);
        return acquired >= 0 && asked < maxPerAcquisition && acquired >= asked;
    }

    @Override
    protected long executeAcquireCycle(CommandExecutor commandExecutor) {
        capacityBefore = remainingCapacity();
        largestCapacitySeen = Math.max(largestCapacitySeen, capacityBefore);
        acquired = -1;
        rejected = 0;
        long millisToWait = super.executeAcquireCycle(commandExecutor);
        waitForRoom = stoppedByTheQueue(capacityBefore, asyncExecutor.getMaxAsyncJobsDuePerAcquisition(), acquired, rejected);
        return millisToWait;
    }

    @Override
    protected List<JobInfoEntity> offerJobs(List<? extends JobInfoEntity> jobs) {
        acquired = jobs.size();
        List<JobInfoEntity> refused = super.offerJobs(jobs);
        rejected = refused.size();
        return refused;
    }

    @Override
    protected void sleep(long millisToWait) {
        boolean untilRoom = waitForRoom;
        waitForRoom = false;
        if (!untilRoom) {
            super.sleep(millisToWait);
            return;
        }
        int room = Math.max(1, Math.min(asyncExecutor.getMaxAsyncJobsDuePerAcquisition(), largestCapacitySeen));
        long deadline = System.nanoTime() + millisToWait * 1_000_000L;
        long left = millisToWait;
        while (!isInterrupted && remainingCapacity() < room && left > 0) {
            super.sleep(Math.min(SLICE_MILLIS, left));
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
    }

    private int remainingCapacity() {
        return asyncExecutor.getTaskExecutor().getRemainingCapacity();
    }

    private static String threadName(AbstractAsyncExecutor executor) {
        String configured = executor.getConfiguration().getAcquireRunnableThreadName();
        return configured != null ? configured : "flowable-" + executor.getJobServiceConfiguration().getEngineName() + "-acquire-async-jobs";
    }
}
