package io.opsflow.engine;

import java.util.Objects;
import org.flowable.common.engine.impl.cfg.TransactionPropagation;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.job.api.JobInfo;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.spring.job.service.SpringRejectedJobsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the job executor does with a new job its full queue refuses. Flowable hands a command's new
 * jobs (created locked by this node) to the executor after the command has committed, in the
 * caller's thread; an async signal to thousands of waiting instances creates thousands at once and
 * most are refused. Flowable's default then unlocks each one whoever holds it by now, and lets any
 * failure out of the API call whose work is already committed: the B11 drain's signal answered 409
 * although done (a client retrying would signal twice). When that one transaction took longer than
 * the lock time, another node has meanwhile reset and taken some of those jobs; clearing its lock
 * would let a third acquisition run the job again. So here a refused job is unlocked only while this
 * node still holds it, and a failure is logged, never thrown: the job then stays locked until its
 * lock expires and the expired-lock reset frees it.
 */
@Component
class RejectedJobRelease implements SpringRejectedJobsHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedJobRelease.class);

    @Override
    public void jobRejected(AsyncExecutor asyncExecutor, JobInfo job) {
        var jobs = asyncExecutor.getJobServiceConfiguration();
        String owner = asyncExecutor.getLockOwner();
        try {
            boolean released = jobs.getCommandExecutor().execute(new CommandConfig(false, TransactionPropagation.REQUIRES_NEW),
                    commandContext -> {
                        JobEntity current = jobs.getJobEntityManager().findById(job.getId());
                        if (current == null || !Objects.equals(current.getLockOwner(), owner)) {
                            return false; // ran already, or reset and taken by another node: theirs now
                        }
                        current.setLockOwner(null);
                        current.setLockExpirationTime(null);
                        return true;
                    });
            log.debug("Job {} refused by the full job queue: {}", job.getId(), released ? "unlocked for any node" : "no longer ours");
        } catch (RuntimeException e) {
            log.warn("Job {} refused by the full job queue stays locked until its lock expires: {}", job.getId(), e.toString());
        }
    }
}
