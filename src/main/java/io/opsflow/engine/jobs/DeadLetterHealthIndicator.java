package io.opsflow.engine.jobs;

import io.opsflow.engine.EngineProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "deadLetters": DOWN when more jobs than
 * {@code opsflow.engine.dead-letter-threshold} have used up their retries. The table is shared by
 * every node, so every node reports the same; load balancers should use the readiness probe, which
 * leaves this component out.
 */
@Component("deadLettersHealthIndicator") // health component "deadLetters"
class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetterJobs jobs;
    private final int threshold;

    @Autowired
    DeadLetterHealthIndicator(DeadLetterJobs jobs, EngineProperties properties) {
        this(jobs, properties.deadLetterThreshold());
    }

    DeadLetterHealthIndicator(DeadLetterJobs jobs, int threshold) {
        super("Dead-letter check failed");
        this.jobs = jobs;
        this.threshold = threshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long count = jobs.count();
        if (count > threshold) {
            health.down().withDetail("message", count + " dead-letter jobs, more than the threshold of " + threshold
                    + "; see why and retry them on /admin/jobs");
        } else {
            health.up();
        }
        health.withDetail("deadLetterJobs", count).withDetail("threshold", threshold);
    }
}
