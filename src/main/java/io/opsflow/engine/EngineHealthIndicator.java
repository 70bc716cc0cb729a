package io.opsflow.engine;

import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "engine": the process engine answers a query, whether this
 * node's job executor runs, under which lock owner, and how many async jobs that owner holds now.
 * Dead letters are the {@code deadLetters} component.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine processEngine;
    private final ManagementService managementService;
    private final NodeIdentity node;

    EngineHealthIndicator(ProcessEngine processEngine, ManagementService managementService, NodeIdentity node) {
        super("Process engine check failed");
        this.processEngine = processEngine;
        this.managementService = managementService;
        this.node = node;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        var executor = processEngine.getProcessEngineConfiguration().getAsyncExecutor();
        long lockedByThisNode = managementService.createJobQuery().lockOwner(node.id()).count();
        health.up()
                .withDetail("engine", processEngine.getName())
                .withDetail("lockOwner", node.id())
                .withDetail("jobExecutorActive", executor != null && executor.isActive())
                .withDetail("jobsLockedByThisNode", lockedByThisNode);
    }
}
