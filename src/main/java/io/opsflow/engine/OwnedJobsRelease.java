package io.opsflow.engine;

import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.cmd.UnacquireOwnedJobsCmd;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Releases, at start-up, the job locks this node still holds from before a crash. Flowable releases a
 * node's locks only on graceful shutdown; after {@code kill -9} they would block those jobs until the
 * lock time runs out. Runs in the lifecycle phase just before the engine starts its job executor, so
 * nothing this node locks from now on can be released by mistake.
 */
@Component
class OwnedJobsRelease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OwnedJobsRelease.class);

    private final SpringProcessEngineConfiguration engine;
    private final NodeIdentity node;
    private volatile boolean running;

    OwnedJobsRelease(SpringProcessEngineConfiguration engine, NodeIdentity node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public void start() {
        long released = releaseOwnedJobs();
        if (released > 0) {
            log.info("Released {} job lock(s) left by an earlier run of node {}", released, node.id());
        }
        running = true;
    }

    /** Unlocks every job locked by this node's lock owner; returns how many there were. */
    long releaseOwnedJobs() {
        JobServiceConfiguration jobs = engine.getJobServiceConfiguration();
        long owned = engine.getManagementService().createJobQuery().lockOwner(node.id()).count();
        if (owned > 0) {
            engine.getCommandExecutor().execute(new UnacquireOwnedJobsCmd(node.id(), null, jobs));
        }
        return owned;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return engine.getPhase() - 1;
    }
}
