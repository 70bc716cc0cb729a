package io.opsflow.engine;

import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "engine": the process engine answers a query, and whether this
 * node's job executor runs, under which lock owner, and how many jobs wait in the dead-letter table.
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
        long deadLetters = managementService.createDeadLetterJobQuery().count();
        health.up()
                .withDetail("engine", processEngine.getName())
                .withDetail("lockOwner", node.id())
                .withDetail("jobExecutorActive", executor != null && executor.isActive())
                .withDetail("deadLetterJobs", deadLetters);
    }
}
